import { useEffect, useState } from 'preact/hooks';

export interface SaveProblem {
  report: (message: string) => void;
  clear: () => void;
  current: () => string | null;
  subscribe: (listener: (message: string | null) => void) => () => void;
}

/** The last save that failed: shown until dismissed, never swallowed. */
export function createSaveProblem(): SaveProblem {
  let message: string | null = null;
  const listeners = new Set<(message: string | null) => void>();
  const set = (next: string | null) => {
    message = next;
    for (const listener of listeners) listener(message);
  };
  return {
    report: (next) => set(next),
    clear: () => set(null),
    current: () => message,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSaveProblem(problem: SaveProblem): string | null {
  const [message, setMessage] = useState(problem.current());
  useEffect(() => problem.subscribe(setMessage), [problem]);
  return message;
}
