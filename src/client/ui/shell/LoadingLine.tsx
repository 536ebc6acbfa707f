/**
 * "Loading…" in the place of what a screen is reading. A component of its own, so
 * Preact never reuses its paragraph for the line that replaces it: a reused line
 * that moved or changed its margins counted as a layout shift.
 */
export function LoadingLine() {
  return (
    <p class="muted" role="status">
      Loading…
    </p>
  );
}
