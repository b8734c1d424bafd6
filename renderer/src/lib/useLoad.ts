import { useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  /** The latest answer; kept while a newer request runs, so the page never blanks out. */
  data: T | null;
  loading: boolean;
  error: string | null;
}

/**
 * Runs `load` whenever `key` changes (null: do nothing). Answers to an older key are dropped, so a
 * quick run of period changes shows the last one asked for, not the last one to arrive.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, loading: key !== null, error: null });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    loadRef.current().then(
      (data) => live && setState({ data, loading: false, error: null }),
      (error: unknown) =>
        live &&
        setState((s) => ({
          ...s,
          loading: false,
          error: error instanceof Error ? error.message : String(error),
        })),
    );
    return () => {
      live = false;
    };
  }, [key]);

  return state;
}
