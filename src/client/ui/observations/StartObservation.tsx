import { useEffect, useState } from 'preact/hooks';
import { issuesToFields } from '../../../shared/errors';
import { gradeBands, ObservationSetup } from '../../../shared/observation';
import { kindLabels } from '../../../shared/protocol';
import { loadPrefs, updatePrefs } from '../../data/prefs';
import { useServices } from '../app-context';
import { navigate } from '../shell/route';
import { commonSubjects, gradeLabel } from './labels';
import { useUsableProtocols } from '../../data/protocol-hooks';
import { PartnerChoice } from './PartnerChoice';
import './observations.css';

type Draft = Record<'schoolId' | 'school' | 'room' | 'gradeBand' | 'subject' | 'observer', string>;

export function StartObservation() {
  const { store } = useServices();
  const schools = store.user.schools;
  const [draft, setDraft] = useState<Draft>({
    schoolId: schools.length === 1 ? schools[0]!.id : '',
    school: schools.length === 1 ? schools[0]!.name : '',
    room: '',
    gradeBand: '',
    subject: '',
    observer: '',
  });
  const loaded = useUsableProtocols(store);
  const protocols = loaded ?? [];
  const [protocolId, setProtocolId] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadPrefs().then((prefs) => {
      const remembered = schools.find((s) => s.id === prefs.schoolId);
      setDraft((d) => ({
        ...d,
        ...(d.schoolId === '' && remembered
          ? { schoolId: remembered.id, school: remembered.name }
          : {}),
        observer: d.observer || prefs.observer || store.user.name,
      }));
      setProtocolId((current) => current || prefs.protocolId);
    });
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

  const protocol =
    protocols.find((p) => p.id === protocolId) ??
    protocols.find((p) => p.kind === 'blast_walkthrough');

  const submit = async (event: Event) => {
    event.preventDefault();
    const parsed = ObservationSetup.safeParse(
      partnerId ? { ...draft, calibrationPartnerId: partnerId } : draft,
    );
    if (!parsed.success) {
      setErrors(Object.fromEntries(issuesToFields(parsed.error).map((i) => [i.path, i.message])));
      return;
    }
    if (!protocol) {
      setErrors({
        protocol: loaded ? 'Choose a protocol' : 'Protocols are still loading; try again',
      });
      return;
    }
    setBusy(true);
    try {
      void updatePrefs({
        schoolId: parsed.data.schoolId,
        school: parsed.data.school,
        observer: parsed.data.observer,
        protocolId: protocol.id,
      });
      const observation = await store.start(parsed.data, protocol);
      if (observation) navigate({ name: 'observe', id: observation.id });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen" aria-labelledby="start-title">
      <h2 id="start-title">Start an observation</h2>
      <p class="muted">No teacher is named: record the room, not the person.</p>
      <form class="form start-form" onSubmit={(e) => void submit(e)} noValidate>
        <div class="start-columns">
          <div class="start-column">
            <label for="field-schoolId">School</label>
            <select
              id="field-schoolId"
              value={draft.schoolId}
              aria-invalid={errors.schoolId ? true : undefined}
              aria-describedby={errors.schoolId ? 'error-schoolId' : undefined}
              onChange={(e) => {
                const chosen = schools.find((s) => s.id === e.currentTarget.value);
                setDraft({ ...draft, schoolId: chosen?.id ?? '', school: chosen?.name ?? '' });
              }}
            >
              <option value="">Choose a school</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            {schools.length === 0 && (
              <p class="field-error">
                You are not on the staff of a school yet: ask your district admin to add you.
              </p>
            )}
            {errorFor('schoolId')}

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

            <PartnerChoice
              userId={store.user.id}
              schoolId={draft.schoolId}
              value={partnerId}
              onChange={setPartnerId}
            />
          </div>
          <div class="start-column">
            <fieldset aria-describedby={errors.protocol ? 'error-protocol' : undefined}>
              <legend>Protocol</legend>
              <div class="protocol-choices">
                {protocols.map((p) => (
                  <label key={p.id} class={`choice wide ${protocol?.id === p.id ? 'chosen' : ''}`}>
                    <input
                      type="radio"
                      name="protocol"
                      value={p.id}
                      checked={protocol?.id === p.id}
                      onChange={() => setProtocolId(p.id)}
                    />
                    <span>
                      {p.name}
                      <small>
                        {kindLabels[p.kind]} · v{p.version}
                      </small>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            {errors.protocol && (
              <p class="field-error" id="error-protocol">
                {errors.protocol}
              </p>
            )}
          </div>
        </div>
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
