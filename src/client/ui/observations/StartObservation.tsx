import { useEffect, useState } from 'preact/hooks';
import { blastEmpoweredLearning } from '../../../shared/builtin-protocols';
import { issuesToFields } from '../../../shared/errors';
import { gradeBands, ObservationSetup } from '../../../shared/observation';
import { loadPrefs, savePrefs } from '../../data/prefs';
import { useServices } from '../app-context';
import { navigate } from '../shell/route';
import { commonSubjects, gradeLabel } from './labels';

type Draft = Record<'school' | 'room' | 'gradeBand' | 'subject' | 'observer', string>;

export function StartObservation() {
  const { store } = useServices();
  const [draft, setDraft] = useState<Draft>({
    school: '',
    room: '',
    gradeBand: '',
    subject: '',
    observer: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadPrefs().then((prefs) =>
      setDraft((d) => ({
        ...d,
        school: d.school || prefs.school,
        observer: d.observer || prefs.observer,
      })),
    );
  }, []);

  const field = (key: keyof Draft) => ({
    id: `field-${key}`,
    value: draft[key],
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `error-${key}` : undefined,
    onInput: (e: Event) =>
      setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const errorFor = (key: keyof Draft) =>
    errors[key] ? (
      <p class="field-error" id={`error-${key}`}>
        {errors[key]}
      </p>
    ) : null;

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = ObservationSetup.safeParse(draft);
    if (!parsed.success) {
      setErrors(Object.fromEntries(issuesToFields(parsed.error).map((i) => [i.path, i.message])));
      return;
    }
    setBusy(true);
    try {
      void savePrefs({ school: parsed.data.school, observer: parsed.data.observer });
      const observation = await store.start(parsed.data, blastEmpoweredLearning);
      if (observation) navigate({ name: 'observe', id: observation.id });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen" aria-labelledby="start-title">
      <h2 id="start-title">Start an observation</h2>
      <p class="muted">
        {blastEmpoweredLearning.name}. No teacher is named: record the room, not the person.
      </p>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <label for="field-school">School</label>
        <input {...field('school')} autocomplete="organization" />
        {errorFor('school')}

        <label for="field-room">Room</label>
        <input {...field('room')} inputMode="text" placeholder="e.g. 114" />
        {errorFor('room')}

        <fieldset aria-describedby={errors.gradeBand ? 'error-gradeBand' : undefined}>
          <legend>Grade band</legend>
          <div class="segmented wrap">
            {gradeBands.map((band) => (
              <label key={band} class={`choice ${draft.gradeBand === band ? 'chosen' : ''}`}>
                <input
                  type="radio"
                  name="gradeBand"
                  value={band}
                  checked={draft.gradeBand === band}
                  onChange={() => setDraft({ ...draft, gradeBand: band })}
                />
                {gradeLabel(band)}
              </label>
            ))}
          </div>
        </fieldset>
        {errorFor('gradeBand')}

        <label for="field-subject">Subject</label>
        <input {...field('subject')} list="subjects" />
        <datalist id="subjects">
          {commonSubjects.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {errorFor('subject')}

        <label for="field-observer">Observer (your name)</label>
        <input {...field('observer')} autocomplete="name" />
        {errorFor('observer')}

        <div class="form-actions">
          <a class="button" href="#/">
            Cancel
          </a>
          <button type="submit" class="button primary" disabled={busy}>
            Start
          </button>
        </div>
      </form>
    </section>
  );
}
