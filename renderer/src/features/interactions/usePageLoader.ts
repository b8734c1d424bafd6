import { useCallback, useEffect, useRef } from 'react';
import { call } from '../../lib/api';
import { PAGE_SIZE, useInteractions } from './store';

/** Requests in flight at once: the backend answers one at a time, so more would only queue stale work. */
const MAX_IN_FLIGHT = 2;

/**
 * Pulls the pages the viewport needs. Each time a request finishes it looks at the *current*
 * visible range again, so pages scrolled past while waiting are never fetched.
 */
export function usePageLoader(): (first: number, last: number) => void {
  const range = useRef({ first: 0, last: PAGE_SIZE - 1 });
  const inFlight = useRef(new Map<string, Promise<void>>());
  const version = useInteractions((s) => s.version);

  const pump = useCallback(() => {
    const state = useInteractions.getState();
    const { first, last } = range.current;
    const firstPage = Math.max(0, Math.floor(first / PAGE_SIZE));
    const lastPage =
      state.total === null
        ? firstPage
        : Math.min(Math.floor(last / PAGE_SIZE), Math.max(0, Math.ceil(state.total / PAGE_SIZE) - 1));
    const center = Math.floor((first + last) / 2 / PAGE_SIZE);
    const wanted: number[] = [];
    for (let page = firstPage; page <= lastPage; page += 1) if (!state.pages[page]) wanted.push(page);
    wanted.sort((a, b) => Math.abs(a - center) - Math.abs(b - center));
    for (const page of wanted) {
      if (inFlight.current.size >= MAX_IN_FLIGHT) return;
      const key = `${state.version}:${page}`;
      if (inFlight.current.has(key)) continue;
      const { filters, sort } = state;
      const version = state.version;
      const request = call('queryInteractions', { filters, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          useInteractions.getState().receivePage(version, page, result.rows, result.total, center);
        })
        .catch((error: unknown) => {
          useInteractions.getState().fail(version, error instanceof Error ? error.message : String(error));
        })
        .finally(() => {
          inFlight.current.delete(key);
          // Also after a stale answer: while it was in flight it held a slot, and the newer query
          // may have found no free slot to start in.
          pump();
        });
      inFlight.current.set(key, request);
    }
  }, []);

  // A new query starts from the top; requests of the old one finish on their own and are ignored.
  useEffect(() => {
    range.current = { first: 0, last: PAGE_SIZE - 1 };
    pump();
  }, [version, pump]);

  return useCallback(
    (first: number, last: number) => {
      range.current = { first, last };
      pump();
    },
    [pump],
  );
}
