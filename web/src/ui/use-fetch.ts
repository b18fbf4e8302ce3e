import { useEffect, useState } from "preact/hooks";

export type FetchState<T> =
  | { status: "loading"; data?: T }
  | { status: "ok"; data: T }
  | { status: "error"; error: unknown; data?: T };

/**
 * Runs `load` whenever `key` changes, aborting the previous request; keeps the last data while
 * the next loads so lists do not flash empty. `reload` repeats the same request.
 */
export function useFetch<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): [FetchState<T>, () => void] {
  const [state, setState] = useState<FetchState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === undefined) return;
    const ctrl = new AbortController();
    setState((s) => ({ status: "loading", data: s.data }));
    load(ctrl.signal).then(
      (data) => setState({ status: "ok", data }),
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState((s) => ({ status: "error", error, data: s.data }));
      },
    );
    return () => ctrl.abort();
  }, [key, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}
