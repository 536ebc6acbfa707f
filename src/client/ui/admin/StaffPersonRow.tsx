import { useState } from 'preact/hooks';
import { schoolRoles, type SchoolRole } from '../../../shared/accounts';
import type { DirectoryPerson } from '../../../shared/staff-directory';
import type { SchoolRow } from '../../account/admin-api';
import {
  changeRole,
  deactivatePerson,
  moveToSchool,
  reactivatePerson,
} from '../../account/staff-api';
import { ErasePersonButton } from './ErasePersonButton';
import { roleLabel, shownTime } from './staff-format';

interface Props {
  person: DirectoryPerson;
  schoolId: string;
  /** Roles the signed-in person may give here. */
  roles: readonly SchoolRole[];
  /** Schools a person may be moved to (empty: moving is not offered). */
  moveTo: readonly SchoolRow[];
  isMe: boolean;
  /** Whether deactivating and reactivating are offered (the server decides in the end). */
  manage: boolean;
  /** Whether deleting the person's data on request is offered (district admins). */
  mayErase?: boolean;
  onChanged: (message: string) => void;
  onProblem: (message: string) => void;
}

/** One person on a school's staff, with what the signed-in person may change. */
export function StaffPersonRow(props: Props) {
  const { person, schoolId, roles, moveTo, isMe, manage, mayErase, onChanged, onProblem } = props;
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const idBase = `staff-${schoolId.slice(0, 8)}-${person.userId.slice(0, 8)}`;
  const run = async (
    action: () => Promise<{ ok: true } | { ok: false; message: string }>,
    done: string,
  ) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) onChanged(done);
    else onProblem(result.message);
  };
  const mayChangeRole = roles.includes(person.role) && !isMe;
  const deactivated = person.status === 'deactivated';
  const moveSchool = target || moveTo[0]?.id || '';

  return (
    <li class={`staff-person${deactivated ? ' deactivated' : ''}`}>
      <div class="staff-who">
        <strong>{person.name}</strong>
        <span class="muted">{person.email}</span>
        <span class="muted">Last sign-in: {shownTime(person.lastSignInAt)}</span>
        <span class={`staff-status ${person.status}`}>
          {deactivated ? 'Deactivated' : 'Active'}
        </span>
      </div>
      <div class="staff-actions">
        <label for={`${idBase}-role`} class="visually-hidden">
          Role of {person.name}
        </label>
        <select
          id={`${idBase}-role`}
          value={person.role}
          disabled={!mayChangeRole || busy}
          onChange={(e) => {
            const next = schoolRoles.find((r) => r === e.currentTarget.value);
            if (next && next !== person.role) {
              void run(
                () => changeRole(person.userId, schoolId, next),
                `${person.name} is now ${roleLabel(next)}.`,
              );
            }
          }}
        >
          {(mayChangeRole ? roles : [person.role]).map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
        {moveTo.length > 0 && !isMe && (
          <span class="staff-move">
            <label for={`${idBase}-move`} class="visually-hidden">
              Move {person.name} to
            </label>
            <select
              id={`${idBase}-move`}
              value={moveSchool}
              disabled={busy}
              onChange={(e) => setTarget(e.currentTarget.value)}
            >
              {moveTo.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="button small"
              disabled={busy || !moveSchool}
              onClick={() =>
                void run(
                  () => moveToSchool(person.userId, schoolId, moveSchool),
                  `${person.name} moved to ${moveTo.find((s) => s.id === moveSchool)?.name ?? 'the other school'}.`,
                )
              }
            >
              Move<span class="visually-hidden"> {person.name}</span>
            </button>
          </span>
        )}
        {manage &&
          !isMe &&
          (deactivated ? (
            <button
              type="button"
              class="button small"
              disabled={busy}
              onClick={() =>
                void run(() => reactivatePerson(person.userId), `${person.name} is active again.`)
              }
            >
              Reactivate<span class="visually-hidden"> {person.name}</span>
            </button>
          ) : (
            <button
              type="button"
              class="button small danger"
              disabled={busy}
              onClick={() => {
                if (
                  window.confirm(
                    `Deactivate ${person.name}? They are signed out everywhere at once and can no longer sign in. Their notes stay.`,
                  )
                ) {
                  void run(
                    () => deactivatePerson(person.userId),
                    `${person.name} is deactivated and signed out everywhere.`,
                  );
                }
              }}
            >
              Deactivate<span class="visually-hidden"> {person.name}</span>
            </button>
          ))}
        {mayErase && !isMe && (
          <ErasePersonButton person={person} onErased={onChanged} onProblem={onProblem} />
        )}
      </div>
    </li>
  );
}
