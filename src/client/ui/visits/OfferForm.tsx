import { useEffect, useState } from 'preact/hooks';
import { issuesToFields } from '../../../shared/errors';
import { peerObservationLabClassroom } from '../../../shared/builtin-protocols';
import { Visit } from '../../../shared/visits';
import { loadCoaches, type Coach } from '../../data/coaches';
import { useServices } from '../app-context';
import { useVisitStore } from './use-visit-store';
import { FormField } from './FormField';
import { useVisitSchool } from './use-visit-school';
import { isoFromLocal } from './format';
import { goToVisit } from './visit-route';
import { useUsableProtocols } from '../../data/protocol-hooks';

type Draft = Record<'date' | 'time' | 'minutes' | 'place' | 'focus' | 'protocol' | 'coach', string>;

/** A host opens their door (peer) or invites a coach (coaching) with a focus question. */
export function OfferForm({ kind }: { kind: 'peer' | 'coaching' }) {
  const { store, now } = useServices();
  const visits = useVisitStore();
  const [school] = useVisitSchool();
  const protocols = (useUsableProtocols(store) ?? []).filter(
    (p) => p.kind === 'peer_observation' || p.kind === 'coaching_visit',
  );
  const [coaches, setCoaches] = useState<Coach[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<Draft>({
    date: now().toISOString().slice(0, 10),
    time: '09:00',
    minutes: '30',
    place: '',
    focus: '',
    protocol: `${peerObservationLabClassroom.id}.v${peerObservationLabClassroom.version}`,
    coach: '',
  });
  useEffect(() => {
    if (kind === 'coaching') void loadCoaches(store.user.id).then(setCoaches);
  }, [kind]);
  const schoolCoaches = coaches.filter((c) => c.schoolId === school?.schoolId);
  const set = (key: keyof Draft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });

  if (!school) return <p class="screen muted">Visits are between staff of a school.</p>;

  const submit = async (event: Event) => {
    event.preventDefault();
    const chosen = protocols.find((p) => `${p.id}.v${p.version}` === draft.protocol);
    const coach = schoolCoaches.find((c) => c.id === draft.coach);
    const startsAt = isoFromLocal(draft.date, draft.time);
    const candidate = {
      id: crypto.randomUUID(),
      schoolId: school.schoolId,
      kind,
      hostId: store.user.id,
      hostName: store.user.name,
      startsAt,
      minutes: Number(draft.minutes),
      place: draft.place,
      focus: draft.focus,
      protocolId: chosen?.id ?? peerObservationLabClassroom.id,
      protocolVersion: chosen?.version ?? peerObservationLabClassroom.version,
      observerId: kind === 'coaching' ? (coach?.id ?? null) : null,
      observerName: kind === 'coaching' ? (coach?.name ?? null) : null,
      needsCoverage: false,
      coverageArranged: false,
      cancelled: false,
      updatedAt: now().toISOString(),
    };
    const parsed = Visit.safeParse(candidate);
    const found = parsed.success
      ? {}
      : Object.fromEntries(issuesToFields(parsed.error).map((i) => [i.path, i.message]));
    if (!startsAt) found.startsAt = 'Choose a date and a time';
    if (kind === 'coaching' && !coach) found.observerId = 'Choose the coach you invite';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    const saved = await visits.post(parsed.data);
    if (saved) goToVisit({ screen: 'visit', id: saved.id });
  };

  return (
    <section class="screen" aria-labelledby="offer-title">
      <h2 id="offer-title">{kind === 'peer' ? 'Open my door' : 'Invite a coach'}</h2>
      <p class="muted">
        {kind === 'peer'
          ? `Colleagues at ${school.schoolName} can book this visit. Their notes stay theirs; you read what they choose to share.`
          : 'Only you and the coach see this invitation and the notes that come from it.'}
      </p>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        {kind === 'coaching' && (
          <FormField id="offer-coach" label="Coach" error={errors.observerId}>
            {(describedBy, invalid) => (
              <select
                id="offer-coach"
                value={draft.coach}
                onChange={set('coach')}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="">Choose a coach</option>
                {schoolCoaches.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <div class="field-row">
          <FormField id="offer-date" label="Date" error={errors.startsAt}>
            {(d, i) => (
              <input
                id="offer-date"
                type="date"
                value={draft.date}
                onInput={set('date')}
                aria-describedby={d}
                aria-invalid={i}
              />
            )}
          </FormField>
          <FormField id="offer-time" label="Time">
            {() => <input id="offer-time" type="time" value={draft.time} onInput={set('time')} />}
          </FormField>
          <FormField id="offer-minutes" label="Minutes" error={errors.minutes}>
            {(d, i) => (
              <input
                id="offer-minutes"
                type="number"
                inputMode="numeric"
                min={5}
                max={240}
                value={draft.minutes}
                onInput={set('minutes')}
                aria-describedby={d}
                aria-invalid={i}
              />
            )}
          </FormField>
        </div>
        <FormField id="offer-place" label="Room" error={errors.place}>
          {(d, i) => (
            <input
              id="offer-place"
              value={draft.place}
              onInput={set('place')}
              aria-describedby={d}
              aria-invalid={i}
            />
          )}
        </FormField>
        <FormField
          id="offer-focus"
          label="What I'd like you to notice"
          hint="Your focus question: observers take notes on it."
          error={errors.focus}
        >
          {(d, i) => (
            <textarea
              id="offer-focus"
              rows={3}
              maxLength={500}
              value={draft.focus}
              onInput={set('focus')}
              aria-describedby={d}
              aria-invalid={i}
            />
          )}
        </FormField>
        <FormField id="offer-protocol" label="Protocol">
          {() => (
            <select id="offer-protocol" value={draft.protocol} onChange={set('protocol')}>
              {protocols.map((p) => (
                <option key={`${p.id}.v${p.version}`} value={`${p.id}.v${p.version}`}>
                  {p.name} (v{p.version})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div class="form-actions">
          <button type="submit" class="button primary big">
            {kind === 'peer' ? 'Post the offer' : 'Send the invitation'}
          </button>
        </div>
      </form>
    </section>
  );
}
