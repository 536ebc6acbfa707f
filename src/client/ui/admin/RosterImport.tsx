import { useState } from 'preact/hooks';
import { roleLabels, SchoolRole } from '../../../shared/accounts';
import type { FieldIssue } from '../../../shared/errors';
import { importRoster, type RosterInvite } from '../../account/admin-api';

const labelOf = (role: string) => {
  const known = SchoolRole.safeParse(role);
  return known.success ? roleLabels[known.data] : role;
};

/** A staff roster (name, email, school, role) becomes one invite link per person. */
export function RosterImport() {
  const [invites, setInvites] = useState<RosterInvite[]>([]);
  const [problems, setProblems] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const onFile = async (file: File) => {
    setInvites([]);
    const result = await importRoster(await file.text());
    if (!result.ok) {
      setMessage(result.message);
      setProblems(result.details);
      return;
    }
    setMessage(null);
    setProblems([]);
    setInvites(result.value.invites);
  };

  return (
    <section class="admin-section" aria-labelledby="roster-title">
      <h3 id="roster-title">Import a staff roster</h3>
      <p class="muted">
        A CSV file with the columns name, email, school and role (teacher, coach or principal).
      </p>
      <label class="button" for="roster-file">
        Choose a roster file (CSV)
      </label>
      <input
        id="roster-file"
        class="visually-hidden"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void onFile(file);
        }}
      />
      {message && (
        <div class="banner attention" role="alert">
          <h4>{message}</h4>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.path}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {invites.length > 0 && (
        <table class="roster">
          <caption>
            {invites.length} invite links, each for one person.{' '}
            {invites.every((i) => i.emailQueued)
              ? 'Each was also emailed to its person.'
              : 'Email is off on this server: send each link yourself.'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">School</th>
              <th scope="col">Role</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody>
            {invites.map((i) => (
              <tr key={i.row}>
                <td>
                  {i.name}
                  <br />
                  <small>{i.email}</small>
                </td>
                <td>{i.school}</td>
                <td>{labelOf(i.role)}</td>
                <td>
                  <code>{new URL(i.link, window.location.origin).href}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
