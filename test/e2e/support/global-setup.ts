// @ts-expect-error: a plain ES module shared with `npm start`, without type declarations.
import { buildIfStale } from '../../../scripts/build-if-stale.mjs';

/** The browser suite runs against the built app; build it when it is missing or stale. */
export default function setup(): void {
  (buildIfStale as () => void)();
}
