import { useEffect, useState } from 'preact/hooks';
import type { SchoolRole } from '../../../shared/accounts';
import { createSchool, listSchools, type SchoolRow } from '../../account/admin-api';
import { useServices } from '../app-context';
import { lazyScreen } from '../shell/lazy';
import { RevealTogether, useReadyToReveal } from '../shell/reveal-together';
import { InviteForm } from './InviteForm';
import { PhotoSettings } from './PhotoSettings';
import { NudgeSettings } from './NudgeSettings';
import { ResultsSharing } from './ResultsSharing';
import { RosterImport } from './RosterImport';
import { ShareBackSettingsPanel } from './ShareBackSettingsPanel';
import './admin.css';

// The directory and the audit log load only when the admin screen is open; the
// screen shows once their code (and their data) has come.
const StaffDirectoryPanel = lazyScreen(
  () => import('./StaffDirectoryPanel').then((m) => m.StaffDirectoryPanel),
  useReadyToReveal,
);
const RetentionSettingsPanel = lazyScreen(
  () => import('./RetentionSettingsPanel').then((m) => m.RetentionSettingsPanel),
  useReadyToReveal,
);
const OneRosterImport = lazyScreen(
  () => import('./OneRosterImport').then((m) => m.OneRosterImport),
  useReadyToReveal,
);
const AuditLogPanel = lazyScreen(
  () => import('./AuditLogPanel').then((m) => m.AuditLogPanel),
  useReadyToReveal,
);
const SignInSettingsPanel = lazyScreen(
  () => import('./SignInSettingsPanel').then((m) => m.SignInSettingsPanel),
  useReadyToReveal,
);
const EmailOutboxPanel = lazyScreen(
  () => import('./EmailOutboxPanel').then((m) => m.EmailOutboxPanel),
  useReadyToReveal,
);

/**
 * Schools and staff. District admins manage schools, invite anyone and import
 * rosters; principals invite teachers and coaches to their own school. The panels
 * each load their own data and show together, so none pushes another down.
 */
export function AdminScreen() {
  const { store } = useServices();
  const { districtAdmin, memberships } = store.user;
  const led = memberships
    .filter((m) => m.role === 'principal')
    .map((m) => ({ id: m.schoolId, name: m.schoolName }));
  if (!districtAdmin && led.length === 0) {
    return (
      <section class="screen">
        <h2>Admin</h2>
        <p>Only principals and district admins manage staff.</p>
      </section>
    );
  }
  return (
    <section class="screen admin" aria-labelledby="admin-title">
      <h2 id="admin-title">Schools and staff</h2>
      <p class="muted">Managing accounts needs a connection.</p>
      <RevealTogether loadingText="Loading schools and staff…">
        <AdminPanels districtAdmin={districtAdmin} led={led} />
      </RevealTogether>
    </section>
  );
}

function AdminPanels({ districtAdmin, led }: { districtAdmin: boolean; led: SchoolRow[] }) {
  const { store } = useServices();
  const [schools, setSchools] = useState<SchoolRow[]>(districtAdmin ? [] : led);
  const [schoolsLoaded, setSchoolsLoaded] = useState(!districtAdmin);
  useReadyToReveal(schoolsLoaded);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Bumped when an invite is made, so the directory's pending invites show it.
  const [version, setVersion] = useState(0);

  const reload = async () => {
    const result = await listSchools();
    setSchoolsLoaded(true);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setSchools(result.value.schools);
    // A district admin records in every school, the new one included.
    store.setSchools(result.value.schools);
  };
  useEffect(() => {
    if (districtAdmin) void reload();
  }, [districtAdmin]);

  const roles: SchoolRole[] = districtAdmin
    ? ['teacher', 'coach', 'principal']
    : ['teacher', 'coach'];

  const addSchool = async (event: Event) => {
    event.preventDefault();
    const result = await createSchool(name.trim());
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setName('');
    await reload();
  };

  return (
    <>
      {districtAdmin && (
        <section class="admin-section" aria-labelledby="schools-title">
          <h3 id="schools-title">Schools</h3>
          <ul class="school-list">
            {schools.map((s) => (
              <li key={s.id}>{s.name}</li>
            ))}
          </ul>
          <form class="new-school" onSubmit={(e) => void addSchool(e)} noValidate>
            <div class="field">
              <label for="school-name">New school</label>
              <input
                id="school-name"
                value={name}
                maxLength={120}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="button primary" disabled={!name.trim()}>
              Add school
            </button>
          </form>
          {problem && (
            <p class="field-error" role="alert">
              {problem}
            </p>
          )}
        </section>
      )}
      {schools.length > 0 && (
        <InviteForm schools={schools} roles={roles} onInvited={() => setVersion((v) => v + 1)} />
      )}
      {districtAdmin && (
        <OneRosterImport
          onImported={() => {
            setVersion((v) => v + 1);
            void reload();
          }}
        />
      )}
      {districtAdmin && <RosterImport />}
      <StaffDirectoryPanel version={version} />
      <ResultsSharing />
      <PhotoSettings />
      <NudgeSettings />
      {/* Loaded with the screen: it holds its place while the setting is read. */}
      {districtAdmin && <ShareBackSettingsPanel />}
      {districtAdmin && <SignInSettingsPanel />}
      {districtAdmin && <EmailOutboxPanel />}
      {districtAdmin && <RetentionSettingsPanel />}
      {districtAdmin && <AuditLogPanel version={version} />}
    </>
  );
}
