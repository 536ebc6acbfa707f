import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

interface Gate {
  wait: (token: object) => void;
  done: (token: object) => void;
}

const RevealGate = createContext<Gate | null>(null);

/** However slow a panel is, the screen shows after this long. */
const LONGEST_WAIT_MS = 5_000;

/**
 * Shows a screen made of panels that each load their own data all at once, when
 * every panel inside has said it is ready (`useReadyToReveal`), with one loading
 * line until then. Panels that filled in one by one pushed each other down the
 * screen (a layout shift of about 0.45 on the admin screen); a whole screen
 * appearing at once moves nothing. A panel that fails counts as ready: it shows
 * its error.
 */
export function RevealTogether(props: {
  loadingText: string;
  /** Shown instead of the plain loading line, when the screen has its own. */
  placeholder?: ComponentChildren;
  children: ComponentChildren;
}) {
  const pending = useRef(new Set<object>());
  const [changes, setChanges] = useState(0);
  const [shown, setShown] = useState(false);
  const gate = useMemo<Gate>(
    () => ({
      wait: (token) => void pending.current.add(token),
      done: (token) => {
        if (pending.current.delete(token)) setChanges((n) => n + 1);
      },
    }),
    [],
  );
  // Children's layout effects (their `wait`) run before this effect.
  useEffect(() => {
    if (!shown && pending.current.size === 0) setShown(true);
  }, [changes, shown]);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LONGEST_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <RevealGate.Provider value={gate}>
      {!shown &&
        (props.placeholder ?? (
          <p class="muted" role="status">
            {props.loadingText}
          </p>
        ))}
      <div hidden={!shown}>{props.children}</div>
    </RevealGate.Provider>
  );
}

/** Holds the enclosing `RevealTogether` back until `ready`: for data a screen reads itself. */
export function RevealWhen({ ready }: { ready: boolean }) {
  useReadyToReveal(ready);
  return null;
}

/**
 * Tells the enclosing `RevealTogether` (if any) whether this panel has what it
 * needs to show at its full size.
 */
export function useReadyToReveal(ready: boolean): void {
  const gate = useContext(RevealGate);
  const token = useRef({}).current;
  useLayoutEffect(() => {
    if (!gate) return;
    if (ready) gate.done(token);
    else gate.wait(token);
  }, [gate, ready]);
  useLayoutEffect(() => () => gate?.done(token), [gate]);
}
