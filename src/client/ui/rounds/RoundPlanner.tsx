import { useEffect, useRef, useState } from 'preact/hooks';
import { issuesToFields } from '../../../shared/errors';
import { Round, type TeamMember } from '../../../shared/rounds';
import { useRoundServices } from './use-rounds';
import { hrefFor, navigate } from '../shell/route';
import { plannerSchools } from './permissions';
import { RoomsEditor } from './RoomsEditor';
import { RoundConflict } from './RoundConflict';
import { RoundFields } from './RoundFields';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { TeamPicker } from './TeamPicker';

const today = (now: Date) => now.toISOString().slice(0, 10);

function blankRound(userId: string, schoolId: string, now: Date): Round {
  return {
    id: crypto.randomUUID(),
    schoolId,
    name: '',
    purpose: '',
    protocolId: '',
    protocolVersion: 1,
    startsOn: today(now),
    endsOn: today(now),
    targetMinutes: 5,
    team: [],
    rooms: [],
    status: 'planned',
    createdBy: userId,
    updatedAt: now.toISOString(),
  };
}

/** Planning a round. A saved plan stores every edit that is valid; a new one on "Create round". */
export function RoundPlanner({ id }: { id: string | null }) {
  const { store, now, rounds } = useRoundServices();
  const schools = plannerSchools(store.user);
  const stored = rounds.useRound(id ?? '');
  const conflicts = rounds.useRoundConflicts(id ?? '') ?? [];
  const [draft, setDraftState] = useState<Round | null>(null);
  // Edits apply to the latest copy, not to the one the last render saw: two quick
  // edits before a re-render must both land.
  const latest = useRef<Round | null>(null);
  const setDraft = (next: Round) => {
    latest.current = next;
    setDraftState(next);
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmingClose, setConfirmingClose] = useState(false);

  useEffect(() => {
    if (id === null) setDraft(blankRound(store.user.id, schools[0]?.id ?? '', now()));
    else if (stored && draft?.id !== stored.id) setDraft(stored);
  }, [id, stored]);

  if (schools.length === 0) {
    return (
      <p class="screen banner info">Rounds are planned by a school's coaches and principals.</p>
    );
  }
  if (id !== null && stored === null)
    return <p class="screen">This round is not on this device.</p>;
  if (!draft) return <p class="screen muted">Loading…</p>;

  const check = (next: Round) => {
    const parsed = Round.safeParse(next);
    const found: Record<string, string> = {};
    if (!parsed.success) {
      for (const f of issuesToFields(parsed.error)) found[f.path.split('.')[0]!] ??= f.message;
    }
    if (!next.protocolId) found.protocolId = 'Choose a protocol';
    setErrors(found);
    return Object.keys(found).length === 0 && parsed.success ? parsed.data : null;
  };
  const change = (patch: Partial<Round>) => {
    const next = { ...(latest.current ?? draft), ...patch };
    setDraft(next);
    const valid = check(next);
    if (valid && id !== null) void rounds.saveRound(valid);
  };
  const setTeam = (team: TeamMember[]) => {
    const kept = new Set(team.map((t) => t.userId));
    const rooms = (latest.current ?? draft).rooms.map((r) =>
      r.assignedTo && !kept.has(r.assignedTo) ? { ...r, assignedTo: null } : r,
    );
    change({ team, rooms });
  };
  const create = async () => {
    const valid = check(latest.current ?? draft);
    if (!valid) return;
    const saved = await rounds.saveRound(valid);
    if (saved) navigate({ name: 'round-plan', id: saved.id });
  };

  return (
    <section class="screen planner" aria-labelledby="plan-title">
      <div class="toolbar">
        <h2 id="plan-title">{id ? `Plan: ${draft.name}` : 'Plan a round'}</h2>
        {id && (
          <a class="button" href={hrefFor({ name: 'round', id })}>
            Walk this round
          </a>
        )}
      </div>
      <p class="muted">
        Blast Walkthrough records name rooms, never teachers.{' '}
        {id ? 'Changes are saved as you go.' : ''}
      </p>
      {stored && conflicts.length > 0 ? (
        <RoundConflict current={stored} siblings={conflicts} onKept={setDraft} />
      ) : (
        <form class="form" noValidate onSubmit={(e) => e.preventDefault()}>
          <RoundFields
            round={draft}
            schools={schools}
            locked={id !== null}
            errors={errors}
            onChange={change}
          />
          {draft.schoolId && (
            <TeamPicker schoolId={draft.schoolId} team={draft.team} onChange={setTeam} />
          )}
          {errors.team && <p class="field-error">{errors.team}</p>}
          <RoomsEditor
            rooms={draft.rooms}
            team={draft.team}
            onChange={(rooms) => change({ rooms })}
          />
          {errors.rooms && <p class="field-error">{errors.rooms}</p>}
          <div class="form-actions">
            {id === null ? (
              <>
                <a class="button" href={hrefFor({ name: 'rounds' })}>
                  Cancel
                </a>
                <button type="button" class="button primary" onClick={() => void create()}>
                  Create round
                </button>
              </>
            ) : draft.status === 'planned' ? (
              <button type="button" class="button" onClick={() => setConfirmingClose(true)}>
                Close round
              </button>
            ) : (
              <button type="button" class="button" onClick={() => change({ status: 'planned' })}>
                Reopen round
              </button>
            )}
          </div>
        </form>
      )}
      {confirmingClose && draft && (
        <ConfirmDialog
          title={`Close ${draft.name || 'this round'}?`}
          confirmLabel="Close round"
          onConfirm={() => {
            setConfirmingClose(false);
            change({ status: 'closed' });
          }}
          onCancel={() => setConfirmingClose(false)}
        >
          <p>
            Walking stops for the whole team: nobody can start a visit in this round, and its
            walking screen shows the results instead of the rooms. You can reopen it later.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
