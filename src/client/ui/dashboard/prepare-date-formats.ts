import { shownDateTime } from '../dates';
import { shownDay } from './format';

/**
 * Makes the date formatters when the browser is idle, each in a task of its own:
 * the results screen calls this as it starts loading its answers, so drawing them
 * does not also pay for loading the language's calendar data.
 */
export function prepareDateFormats(): void {
  const later = (make: () => unknown) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => make())
      : setTimeout(() => make(), 0);
  const sample = new Date().toISOString();
  later(() => shownDateTime(sample));
  later(() => shownDay(sample.slice(0, 10)));
}
