/**
 * Splits rows into statements of a bounded size: SQLite and PostgreSQL both cap the
 * parameters one statement may bind, and a multi-row write must stay under the cap.
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}
