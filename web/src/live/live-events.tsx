// Live events: one EventSource on GET /api/v1/events (cookie auth) for the whole signed-in app,
// fanned out to the pages that subscribe by kind. On every (re)connection subscribers also get a
// 'connected' event, so they re-read what they show. A stream the server closes (a 401 after the
// session ended, a restart) is reopened after a growing pause, resuming from the last event id.

import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { LiveEvent } from '../api/wire-types';

/** The server's event kinds, and 'connected' for every (re)connection. */
export type LiveKind =
  | 'connected'
  | 'task-state'
  | 'review-opened'
  | 'review-decided'
  | 'spend'
  | 'post-published'
  | 'token-revoked';

const SERVER_KINDS: readonly LiveKind[] = [
  'task-state',
  'review-opened',
  'review-decided',
  'spend',
  'post-published',
  'token-revoked',
];

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';
type Listener = (event: LiveEvent) => void;

interface LiveHub {
  subscribe(kinds: readonly LiveKind[], listener: Listener): () => void;
}

const LiveContext = createContext<LiveHub | null>(null);
const StatusContext = createContext<LiveStatus>('connecting');
const EVENTS_URL = '/api/v1/events';
const MAX_PAUSE_MS = 30_000;

/** Opens the stream while mounted. `onClosed` runs when the server ends it (check the session). */
export function LiveEventsProvider(props: { children: ReactNode; onClosed: () => void }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const listeners = useRef(new Map<LiveKind, Set<Listener>>());
  const onClosed = useRef(props.onClosed);
  onClosed.current = props.onClosed;

  useEffect(() => {
    let source: EventSource | undefined;
    let lastId = 0;
    let pauseMs = 1_000;
    let timer: number | undefined;
    const emit = (kind: LiveKind, event: LiveEvent) => {
      for (const listener of listeners.current.get(kind) ?? []) listener(event);
    };
    const open = () => {
      source = new EventSource(lastId > 0 ? `${EVENTS_URL}?last_event_id=${lastId}` : EVENTS_URL);
      source.addEventListener('open', () => {
        pauseMs = 1_000;
        setStatus('live');
        emit('connected', { id: lastId, kind: 'connected', subject_id: '', data: {}, at: '' });
      });
      source.addEventListener('error', () => {
        if (source?.readyState === EventSource.CLOSED) {
          setStatus('reconnecting');
          onClosed.current();
          timer = window.setTimeout(open, pauseMs);
          pauseMs = Math.min(pauseMs * 2, MAX_PAUSE_MS);
        } else {
          setStatus('reconnecting');
        }
      });
      for (const kind of SERVER_KINDS) {
        source.addEventListener(kind, (message) => {
          const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
          lastId = Math.max(lastId, event.id);
          emit(kind, event);
        });
      }
    };
    open();
    return () => {
      window.clearTimeout(timer);
      source?.close();
    };
  }, []);

  const hub = useMemo<LiveHub>(
    () => ({
      subscribe(kinds, listener) {
        for (const kind of kinds) {
          const set = listeners.current.get(kind) ?? new Set();
          set.add(listener);
          listeners.current.set(kind, set);
        }
        return () => {
          for (const kind of kinds) listeners.current.get(kind)?.delete(listener);
        };
      },
    }),
    [],
  );
  return (
    <LiveContext.Provider value={hub}>
      <StatusContext.Provider value={status}>{props.children}</StatusContext.Provider>
    </LiveContext.Provider>
  );
}

/** The stream's state, for the header's indicator. */
export function useLiveStatus(): LiveStatus {
  return useContext(StatusContext);
}

/** Calls `listener` (the latest one passed) for each event of `kinds` while mounted. */
export function useLiveEvent(kinds: readonly LiveKind[], listener: Listener): void {
  const hub = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  const key = kinds.join(',');
  useEffect(() => {
    if (!hub) return;
    return hub.subscribe(key.split(',') as LiveKind[], (event) => latest.current(event));
  }, [hub, key]);
}
