import { useEffect, useState } from 'preact/hooks';
import { issuesToFields } from '../../../shared/errors';
import {
  DEFAULT_SHARE_SCHOOL_DAYS,
  MAX_SHARE_SCHOOL_DAYS as MAX_DAYS,
  MIN_SHARE_SCHOOL_DAYS as MIN_DAYS,
} from '../../../shared/evidence/share-clock';
import { ShareClockSettings } from '../../../shared/share-back';
import { loadShareClockSettings, saveShareClockSettings } from '../../account/share-clock-api';

const ID = 'share-back-days';

const numberOr = (text: string): number | string =>
  /^\d+$/.test(text.trim()) ? Number(text) : text;

/**
 * How many school days after closing a round its summary is due to be shared with
 * staff (the share-back clock, issue #15). District admins only. The form is laid out
 * and disabled while the setting loads, so nothing below it moves when it arrives.
 * The district's days off and time zone are kept as the server holds them.
 */
export function ShareBackSettingsPanel() {
  const [held, setHeld] = useState<ShareClockSettings | null>(null);
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const result = await loadShareClockSettings();
      if (!result.ok) {
        setProblem(result.message);
        return;
      }
      setHeld(result.value);
      setDays(String(result.value.schoolDays));
    })();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!held) return;
    setSaved(false);
    const parsed = ShareClockSettings.safeParse({ ...held, schoolDays: numberOr(days) });
    if (!parsed.success) {
      const issue = issuesToFields(parsed.error).find((i) => i.path === 'schoolDays');
      setError(issue?.message ?? 'Give the school days as a whole number');
      return;
    }
    setBusy(true);
    const result = await saveShareClockSettings(parsed.data);
    setBusy(false);
    if (!result.ok) {
      const issue = result.details.find((i) => i.path === 'schoolDays');
      setError(issue?.message ?? null);
      setProblem(issue ? null : result.message);
      return;
    }
    setError(null);
    setProblem(null);
    setHeld(result.value);
    setDays(String(result.value.schoolDays));
    setSaved(true);
  };

  return (
    <section class="admin-section" aria-labelledby="share-back-settings-title">
      <h3 id="share-back-settings-title">Sharing results back with staff</h3>
      <p class="muted">
        A closed Blast Walkthrough round is due to be shared with staff by the end of this many
        school days after it closed ({DEFAULT_SHARE_SCHOOL_DAYS} unless you change it; 0 means the
        day it closed). Its leaders see the countdown on the rounds list and the results screen.
        Between {MIN_DAYS} and {MAX_DAYS}.
      </p>
      <form class="share-back-form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset disabled={!held} aria-busy={!held && !problem ? true : undefined}>
          <div class="field">
            <label for={ID}>School days to share with staff</label>
            <input
              id={ID}
              type="number"
              inputMode="numeric"
              min={MIN_DAYS}
              max={MAX_DAYS}
              step={1}
              value={days}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${ID}-error` : undefined}
              onInput={(e) => {
                setSaved(false);
                setDays(e.currentTarget.value);
              }}
            />
            {error && (
              <span id={`${ID}-error`} class="field-error">
                {error}
              </span>
            )}
          </div>
          <div class="share-back-actions">
            <button type="submit" class="button primary" disabled={busy}>
              Save sharing time
            </button>
            <span role="status">{saved ? 'Saved.' : ''}</span>
          </div>
        </fieldset>
      </form>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
