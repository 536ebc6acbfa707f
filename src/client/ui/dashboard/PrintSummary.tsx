import type { LookForRow } from '../../../shared/aggregates/table';
import type { Evidence, Summary } from '../../../shared/dashboard';
import { foldedText, foldRows } from './folded-rows';

/** How many shared items the one-page print keeps. */
const PRINTED = 8;

/** What leaders shared with staff: picks for leaders, the staff view's notes and quotes otherwise. */
export function sharedItems(evidence: Evidence | null, rows: readonly LookForRow[]): string[] {
  if (!evidence || evidence.suppressed) return [];
  const lookFor = (id: string | null) => rows.find((r) => r.lookForId === id)?.text ?? '';
  if (evidence.staffView === false) {
    return (evidence.picks ?? []).map((p) =>
      p.kind === 'quote' ? `“${p.text}” (${lookFor(p.lookForId)})` : p.text,
    );
  }
  return [
    ...evidence.notes,
    ...evidence.quotes.flatMap((q) => q.quotes.map((quote) => `“${quote}” (${q.text})`)),
  ];
}

/**
 * On paper only, beside the chart: the look-fors left out for resting on too few
 * classrooms, and the evidence leaders shared with staff.
 */
export function PrintSummary(props: {
  summary: Summary;
  evidence: Evidence | null;
  threshold: number;
}) {
  const { summary, evidence, threshold } = props;
  const items = sharedItems(evidence, summary.lookFors);
  const { hidden } = foldRows(summary.lookFors);
  return (
    <aside class="print-summary">
      {hidden.length > 0 && <p>{foldedText(hidden.length, threshold)}.</p>}
      <h4>Evidence shared with staff</h4>
      {items.length === 0 ? (
        <p>None shared for this view.</p>
      ) : (
        <ul>
          {items.slice(0, PRINTED).map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      {items.length > PRINTED && <p>…and {items.length - PRINTED} more in Lookfor.</p>}
    </aside>
  );
}
