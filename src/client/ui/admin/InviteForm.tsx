import { useState } from 'preact/hooks';
import { roleLabels, type SchoolRole } from '../../../shared/accounts';
import { createInvite, type SchoolRow } from '../../account/admin-api';

/** A single-use invite link for one person, emailed when the server has email on. */
export function InviteForm({
  schools,
  roles,
  onInvited,
}: {
  schools: SchoolRow[];
  roles: SchoolRole[];
  onInvited?: () => void;
}) {
  const [schoolId, setSchoolId] = useState('');
  const [role, setRole] = useState<SchoolRole>(roles[0] ?? 'teacher');
  const [email, setEmail] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [emailed, setEmailed] = useState<{ to: string | null; emailOn: boolean }>({
    to: null,
    emailOn: false,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const school = schoolId || schools[0]?.id || '';

  const submit = async (event: Event) => {
    event.preventDefault();
    setLink(null);
    const result = await createInvite({
      schoolId: school,
      role,
      ...(email.trim() ? { email: email.trim() } : {}),
    });
    if (!result.ok) {
      setProblem([result.message, ...result.details.map((d) => d.message)].join('. '));
      return;
    }
    setProblem(null);
    setEmailed({
      to: result.value.emailQueued ? email.trim() : null,
      emailOn: result.value.emailOn === true,
    });
    setLink(new URL(result.value.link, window.location.origin).href);
    onInvited?.();
  };

  return (
    <section class="admin-section" aria-labelledby="invite-title">
      <h3 id="invite-title">Invite someone</h3>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <div class="field">
          <label for="invite-school">School</label>
          <select
            id="invite-school"
            value={school}
            onChange={(e) => setSchoolId(e.currentTarget.value)}
          >
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="invite-role">Role</label>
          <select
            id="invite-role"
            value={role}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setRole(roles.find((r) => r === value) ?? 'teacher');
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="invite-email">
            Email (optional: the link then works for this address only)
          </label>
          <input
            id="invite-email"
            type="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="button primary" disabled={!school}>
            Create invite link
          </button>
        </div>
      </form>
      {link && (
        <div class="banner ok" role="status">
          <p>
            {emailed.to
              ? `Emailed to ${emailed.to}. You can also copy the link.`
              : emailed.emailOn
                ? 'No email address was given, so nothing was emailed.'
                : 'Email is off on this server: nothing was emailed.'}
          </p>
          <label for="invite-link">Send this link to the person; it works once, for 14 days.</label>
          <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            class="button"
            onClick={() => void navigator.clipboard?.writeText(link)}
          >
            Copy link
          </button>
        </div>
      )}
    </section>
  );
}
