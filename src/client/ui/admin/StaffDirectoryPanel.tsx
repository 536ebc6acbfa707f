import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import type { SchoolRole } from '../../../shared/accounts';
import type { StaffDirectory } from '../../../shared/staff-directory';
import { loadDirectory } from '../../account/staff-api';
import { useServices } from '../app-context';
import { PendingInvites } from './PendingInvites';
import { StaffPersonRow } from './StaffPersonRow';
import { roleLabel, shownTime } from './staff-format';
import './staff.css';

/**
 * The staff of each school the signed-in person manages: roles, last sign-in and
 * status, with role changes, moves, deactivation, and the pending invites.
 * `version` changes when an invite was made elsewhere on the screen.
 */
export function StaffDirectoryPanel({ version }: { version: number }) {
  const { store } = useServices();
  const { districtAdmin, id: myId } = store.user;
  const [directory, setDirectory] = useState<StaffDirectory | null>(null);
  const [message, setMessage] = useState<{ text: string; link?: string | undefined } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useReadyToReveal(directory !== null || problem !== null);

  const reload = async () => {
    const result = await loadDirectory();
    if (result.ok) setDirectory(result.value);
    else setProblem(result.message);
  };
  useEffect(() => {
    void reload();
  }, [version]);

  const changed = (text: string, link?: string) => {
    setProblem(null);
    setMessage({ text, link });
    void reload();
  };
  const roles: SchoolRole[] = districtAdmin
    ? ['teacher', 'coach', 'principal']
    : ['teacher', 'coach'];
  const allSchools = (directory?.schools ?? []).map((s) => ({
    id: s.schoolId,
    name: s.schoolName,
  }));

  return (
    <section class="admin-section staff-directory" aria-labelledby="staff-title">
      <h3 id="staff-title">Staff</h3>
      {message && (
        <div class="banner ok" role="status">
          <p>{message.text}</p>
          {message.link && (
            <input
              aria-label="New invite link"
              readOnly
              value={message.link}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </div>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {!directory && !problem && <p class="muted">Loading staff…</p>}
      {directory?.schools.map((school) => (
        <section
          key={school.schoolId}
          class="staff-school"
          aria-labelledby={`staff-school-${school.schoolId}`}
        >
          <h4 id={`staff-school-${school.schoolId}`}>{school.schoolName}</h4>
          {school.staff.length === 0 ? (
            <p class="muted">No staff yet.</p>
          ) : (
            <ul class="staff-people">
              {school.staff.map((person) => (
                <StaffPersonRow
                  key={person.userId}
                  person={person}
                  schoolId={school.schoolId}
                  roles={roles}
                  moveTo={districtAdmin ? allSchools.filter((s) => s.id !== school.schoolId) : []}
                  isMe={person.userId === myId}
                  manage={districtAdmin || person.role !== 'principal'}
                  mayErase={districtAdmin}
                  onChanged={changed}
                  onProblem={setProblem}
                />
              ))}
            </ul>
          )}
          <h5>Pending invites</h5>
          <PendingInvites invites={school.invites} onChanged={changed} onProblem={setProblem} />
        </section>
      ))}
      {districtAdmin && directory && (
        <section class="staff-school" aria-labelledby="staff-district-admins">
          <h4 id="staff-district-admins">{roleLabel('district_admin')}s</h4>
          <ul class="staff-people">
            {directory.districtAdmins.map((a) => (
              <li key={a.userId} class="staff-person">
                <div class="staff-who">
                  <strong>{a.name}</strong>
                  <span class="muted">{a.email}</span>
                  <span class="muted">Last sign-in: {shownTime(a.lastSignInAt)}</span>
                  <span class={`staff-status ${a.status}`}>
                    {a.status === 'deactivated' ? 'Deactivated' : 'Active'}
                  </span>
                </div>
              </li>
            ))}
          </ul>
          {directory.districtInvites.length > 0 && (
            <>
              <h5>Pending invites</h5>
              <PendingInvites
                invites={directory.districtInvites}
                onChanged={changed}
                onProblem={setProblem}
              />
            </>
          )}
        </section>
      )}
    </section>
  );
}
