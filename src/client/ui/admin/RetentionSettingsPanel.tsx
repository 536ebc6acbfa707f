import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import { issuesToFields, type FieldIssue } from '../../../shared/errors';
import {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  RetentionSettings,
} from '../../../shared/retention';
import { loadRetention, saveRetention } from '../../account/retention-api';
import './retention.css';

type Field = keyof RetentionSettings;

const fields: ReadonlyArray<{ name: Field; label: string; hint: string }> = [
  {
    name: 'observationDays',
    label: 'Observations and rounds',
    hint: 'Walkthrough notes, Blast Walkthrough rounds and their progress',
  },
  {
    name: 'peerNoteDays',
    label: 'Peer notes',
    hint: 'Peer and coaching visits, visit notes, shared notes and reflections',
  },
  { name: 'photoDays', label: 'Photos', hint: 'Photos of student work, from when they were sent' },
  { name: 'auditDays', label: 'Audit entries', hint: 'Lines of the audit log' },
];

type Draft = Record<Field, string>;
const draftOf = (s: RetentionSettings): Draft => ({
  observationDays: String(s.observationDays),
  peerNoteDays: String(s.peerNoteDays),
  photoDays: String(s.photoDays),
  auditDays: String(s.auditDays),
});
const numberOr = (text: string): number | string =>
  /^\d+$/.test(text.trim()) ? Number(text) : text;

/**
 * How long the district keeps each kind of data, in days after it was last written.
 * A daily job deletes what is older (docs/privacy.md, "Retention and deletion").
 */
export function RetentionSettingsPanel() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useReadyToReveal(draft !== null || problem !== null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const result = await loadRetention();
      if (result.ok) setDraft(draftOf(result.value));
      else setProblem(result.message);
    })();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const parsed = RetentionSettings.safeParse({
      observationDays: numberOr(draft.observationDays),
      peerNoteDays: numberOr(draft.peerNoteDays),
      photoDays: numberOr(draft.photoDays),
      auditDays: numberOr(draft.auditDays),
    });
    if (!parsed.success) {
      setIssues(issuesToFields(parsed.error));
      return;
    }
    setBusy(true);
    const result = await saveRetention(parsed.data);
    setBusy(false);
    if (!result.ok) {
      setIssues(result.details);
      setProblem(result.details.length > 0 ? null : result.message);
      return;
    }
    setIssues([]);
    setProblem(null);
    setDraft(draftOf(result.value));
    setSaved(true);
  };

  return (
    <section class="admin-section" aria-labelledby="retention-title">
      <h3 id="retention-title">How long data is kept</h3>
      <p class="muted">
        Counted in days from when a record was last changed. Every night, what is older is deleted
        from the server and from every device; the dashboard keeps its anonymous counts. Between{' '}
        {RETENTION_MIN_DAYS} and {RETENTION_MAX_DAYS} days.
      </p>
      {draft && (
        <form class="retention-form" onSubmit={(e) => void save(e)} noValidate>
          {fields.map((f) => {
            const error = issues.find((i) => i.path === f.name)?.message;
            const id = `retention-${f.name}`;
            return (
              <div class="field" key={f.name}>
                <label for={id}>{f.label} (days)</label>
                <input
                  id={id}
                  type="number"
                  inputMode="numeric"
                  min={RETENTION_MIN_DAYS}
                  max={RETENTION_MAX_DAYS}
                  step={1}
                  value={draft[f.name]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                  onInput={(e) => {
                    setSaved(false);
                    setDraft({ ...draft, [f.name]: e.currentTarget.value });
                  }}
                />
                <span id={`${id}-hint`} class="muted retention-hint">
                  {f.hint}
                </span>
                {error && (
                  <span id={`${id}-error`} class="field-error">
                    {error}
                  </span>
                )}
              </div>
            );
          })}
          <div class="retention-actions">
            <button type="submit" class="button primary" disabled={busy}>
              Save retention
            </button>
            <span role="status">{saved ? 'Saved.' : ''}</span>
          </div>
        </form>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
