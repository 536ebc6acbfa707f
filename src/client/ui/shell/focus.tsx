/**
 * The first thing Tab reaches: straight past the bar to the screen. Routes live in the
 * hash, so the link moves focus itself instead of following `#content`.
 */
export function SkipLink() {
  return (
    <a
      class="skip-link"
      href="#content"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('content')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}

/**
 * After an action that changes screen, focus the new screen's heading (made focusable
 * for the purpose) so keyboard and screen-reader users continue from the top of it,
 * not from the document start. Waits briefly for a screen that renders a moment later.
 */
export function focusNextScreenHeading(timeoutMs = 2000): void {
  const started = Date.now();
  // Called before navigating: the heading on the page now belongs to the screen we leave.
  const leaving = document.querySelector('main h2');
  const tryFocus = () => {
    const heading = document.querySelector<HTMLElement>('main h2');
    if (heading && heading !== leaving) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
      return;
    }
    if (Date.now() - started < timeoutMs) setTimeout(tryFocus, 50);
  };
  setTimeout(tryFocus, 0);
}
