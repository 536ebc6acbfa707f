// A moment as the screens show it, in the device's language. The formatter is made
// once: making the first one loads the language's calendar data, which took a slow
// tablet tens of milliseconds in the middle of drawing the results (the results
// screen makes it ahead, in idle time: `dashboard/prepare-date-formats.ts`).

let format: Intl.DateTimeFormat | undefined;

/** "5 Oct 2026, 14:05": a moment, in the device's time zone. */
export const shownDateTime = (iso: string): string =>
  (format ??= new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })).format(new Date(iso));
