// One polite live region for the whole app: what a keyboard action did ("Approved noor/brief")
// is read out by screen readers and shown briefly at the bottom of the screen.

import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => {});

export function AnnouncerProvider(props: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => setMessage(text), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {props.children}
      <p className="announcer" role="status" aria-live="polite" data-empty={message === ''}>
        {message}
      </p>
    </AnnounceContext.Provider>
  );
}

/** Says `message` in the live region. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
