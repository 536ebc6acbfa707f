import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseValue } from '../../../shared/response';

type Save = (value: ResponseValue | null) => Promise<unknown> | void;

const same = (a: ResponseValue | null | undefined, b: ResponseValue | null | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The answer as tapped, shown at once while its write to IndexedDB completes (issue #14):
 * the pressed state never waits for the saved copy to come back. The saved value takes
 * over as soon as it arrives; a write that failed (resolved to null) shows the saved one
 * again, since nothing else was kept.
 */
export function useOptimisticAnswer(
  saved: ResponseValue | undefined,
  save: Save,
): [ResponseValue | undefined, (value: ResponseValue | null) => void] {
  const [pending, setPending] = useState<{ value: ResponseValue | null } | null>(null);
  // Writes still running: while any is, an older saved copy must not replace the tap.
  const running = useRef(0);

  useEffect(() => {
    if (pending && (running.current === 0 || same(saved, pending.value))) setPending(null);
  }, [saved]);

  const change = (value: ResponseValue | null) => {
    setPending({ value });
    const write = save(value);
    if (!write) return;
    running.current += 1;
    void write.then(
      (result) => settle(result !== null),
      () => settle(false),
    );
  };
  const settle = (ok: boolean) => {
    running.current -= 1;
    // A failed write leaves the saved answer as it was: show it. A kept write's copy
    // arrives through the live query and clears the tap (the effect above).
    if (!ok && running.current === 0) setPending(null);
  };

  return [pending ? (pending.value ?? undefined) : saved, change];
}
