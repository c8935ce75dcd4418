// A modal dialog on the native <dialog> element: showModal() traps focus, Escape closes it, and
// the browser returns focus to where it was. Labelled by its heading. The focus starts on the
// element marked data-autofocus (React's autoFocus runs before the dialog shows), else the first.

import { type ReactNode, useEffect, useId, useRef } from 'react';

export function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={props.onClose}>
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      {props.open && props.children}
    </dialog>
  );
}
