// The inbox's single-key shortcuts (j, k, a, e, r, x, ?), read on the document. They stay quiet
// while the person types in a field, holds a modifier, or has a dialog open.

import { useEffect, useRef } from 'react';

export type InboxKeyAction =
  | 'next'
  | 'previous'
  | 'approve'
  | 'edit'
  | 'reject'
  | 'toggle'
  | 'help';

const KEYS: Record<string, InboxKeyAction> = {
  j: 'next',
  k: 'previous',
  a: 'approve',
  e: 'edit',
  r: 'reject',
  x: 'toggle',
  '?': 'help',
};

/** Inputs that take no typing: a card's batch checkbox keeps the shortcuts working. */
const KEYLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    (target instanceof HTMLInputElement && !KEYLESS_INPUTS.has(target.type)) ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Calls `onAction` (the latest one passed) for each shortcut pressed while mounted. */
export function useInboxKeys(onAction: (action: InboxKeyAction) => void): void {
  const latest = useRef(onAction);
  latest.current = onAction;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typingIn(event.target) || document.querySelector('dialog[open]')) return;
      const action = KEYS[event.key];
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
