import { useState } from 'preact/hooks';
import type { LookForRow } from '../../../shared/aggregates/table';
import type { RoundTargets, TargetScope } from '../../../shared/targets';
import { changeTarget } from '../../data/targets';

/**
 * A leader sets the share of classrooms the school aims to see a look-for in, for
 * this round or for the whole school year, or removes it. Only seen / not seen
 * look-fors have targets.
 */
export function TargetForm({
  rows,
  targets,
  onSaved,
}: {
  rows: LookForRow[];
  targets: RoundTargets;
  onSaved: (targets: RoundTargets) => void;
}) {
  const choices = rows.filter((r) => r.kind === 'seen');
  const [lookForId, setLookForId] = useState(choices[0]?.lookForId ?? '');
  const [scope, setScope] = useState<TargetScope>('round');
  const [percent, setPercent] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  if (choices.length === 0) return null;

  const current = targets.targets.find((t) => t.lookForId === lookForId);
  const currentValue = scope === 'round' ? current?.round : current?.year;
  const save = async (value: number | null) => {
    setBusy(true);
    setMessage(null);
    const result = await changeTarget({
      roundId: targets.roundId,
      lookForId,
      scope,
      percent: value,
    });
    setBusy(false);
    if (!result.ok) {
      setMessage({ error: true, text: result.message });
      return;
    }
    setMessage({ error: false, text: value === null ? 'Target removed.' : 'Target saved.' });
    onSaved(result.value);
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = percent.trim();
    const value = Number(trimmed);
    if (trimmed === '' || !Number.isInteger(value) || value < 0 || value > 100) {
      setMessage({ error: true, text: 'A target is a whole percent from 0 to 100' });
      return;
    }
    void save(value);
  };
  return (
    <details class="target-form no-print">
      <summary class="button">Set targets</summary>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="target-look-for">Look-for</label>
          <select
            id="target-look-for"
            value={lookForId}
            onChange={(e) => setLookForId(e.currentTarget.value)}
          >
            {choices.map((r) => (
              <option key={r.lookForId} value={r.lookForId}>
                {r.text}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field target-scope">
          <legend>For</legend>
          <label class="choice">
            <input
              type="radio"
              name="target-scope"
              checked={scope === 'round'}
              onChange={() => setScope('round')}
            />
            This round
          </label>
          <label class="choice">
            <input
              type="radio"
              name="target-scope"
              checked={scope === 'year'}
              onChange={() => setScope('year')}
            />
            School year {targets.schoolYear}
          </label>
        </fieldset>
        <div class="field">
          <label for="target-percent">Target, percent of classrooms</label>
          <input
            id="target-percent"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={percent}
            placeholder={
              currentValue === undefined || currentValue === null ? '' : String(currentValue)
            }
            onInput={(e) => setPercent(e.currentTarget.value)}
            aria-invalid={message?.error ? true : undefined}
            aria-describedby={message ? 'target-message' : undefined}
          />
        </div>
        <p class="muted small">
          Now:{' '}
          {currentValue === undefined || currentValue === null ? 'no target' : `${currentValue}%`}
        </p>
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={busy}>
            Save target
          </button>
          {currentValue !== undefined && currentValue !== null && (
            <button type="button" class="button" disabled={busy} onClick={() => void save(null)}>
              Remove target
            </button>
          )}
        </div>
        {message && (
          <p
            id="target-message"
            class={message.error ? 'field-error' : 'muted'}
            role={message.error ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
      </form>
    </details>
  );
}
