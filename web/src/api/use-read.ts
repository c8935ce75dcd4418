// Reads one answer of the API into a page: the answer (null until it comes, and again whenever
// `read` changes, say to another id), the refusal if there was one (with its HTTP status, for
// "not found" pages), and how to read again. Pages keep their answer live by calling `refresh`
// on the events that concern it. Pass `read` through useCallback, keyed by what it reads.

import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';
import { errorMessage } from './client';

export interface ReadState<T> {
  data: T | null;
  error: { status: number | null; message: string } | null;
  /** Reads again now; the previous answer stays until the new one comes. */
  refresh: () => void;
  /** Replaces the answer in place (an event or a change's answer said what it now is). */
  setData: Dispatch<SetStateAction<T | null>>;
}

export function useRead<T>(read: () => Promise<T>): ReadState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ReadState<T>['error']>(null);
  const refresh = useCallback(() => {
    read().then(
      (answer) => {
        setData(answer);
        setError(null);
      },
      (failure: unknown) =>
        setError({
          status: (failure as { status?: number }).status ?? null,
          message: errorMessage(failure),
        }),
    );
  }, [read]);
  useEffect(() => {
    setData(null);
    refresh();
  }, [refresh]);
  return { data, error, refresh, setData };
}
