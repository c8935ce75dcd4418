// Reads something again when live events say it changed: at most once per `pauseMs`, trailing,
// so a burst of task events costs one request.

import { useEffect, useRef } from 'react';
import { type LiveKind, useLiveEvent } from './live-events';

export function useLiveRefresh(kinds: readonly LiveKind[], refresh: () => void, pauseMs = 500) {
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(refresh);
  latest.current = refresh;
  useLiveEvent(kinds, () => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, pauseMs);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
}
