import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A screen loaded on first use, so it never weighs on the first screen. The chunk
 * is precached by the service worker, so this works offline too.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  /** Told whether the code has come (or failed): a panel inside `RevealTogether` passes `useReadyToReveal`. */
  useReady: (ready: boolean) => void = () => undefined,
) {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useReady(Screen !== null || failed);
    useEffect(() => {
      if (Screen) return;
      load().then(
        (component) => {
          loaded = component;
          setScreen(() => component);
        },
        () => setFailed(true),
      );
    }, [Screen]);
    if (failed)
      return (
        <p class="screen banner attention">This screen could not be loaded. Reload the app.</p>
      );
    return Screen ? <Screen {...props} /> : <p class="screen muted">Loading…</p>;
  };
}
