import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import { auditActionLabels, type AuditPage } from '../../../shared/audit-log';
import { auditCsvUrl, loadAudit, type AuditFilters } from '../../account/staff-api';
import { shownTime } from './staff-format';
import './staff.css';

const noFilters: AuditFilters = { actorId: '', action: '', from: '', to: '' };

/** The audit log, for district admins: filter by person, action and days; page; export CSV. */
export function AuditLogPanel({ version }: { version: number }) {
  const [draft, setDraft] = useState<AuditFilters>(noFilters);
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const [page, setPage] = useState(1);
  const [log, setLog] = useState<AuditPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useReadyToReveal(log !== null || problem !== null);
  // Bumped by "Show entries", so the same filters read the log again.
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    void loadAudit(filters, page).then((result) => {
      if (result.ok) {
        setLog(result.value);
        setProblem(null);
      } else {
        setProblem(result.message);
      }
    });
  }, [filters, page, version, asked]);

  const set = (key: keyof AuditFilters) => (e: Event) =>
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <section class="admin-section audit-log" aria-labelledby="audit-title">
      <h3 id="audit-title">Audit log</h3>
      <form
        class="audit-filters"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setFilters(draft);
          setAsked((n) => n + 1);
        }}
      >
        <div class="field">
          <label for="audit-actor">Person</label>
          <select id="audit-actor" value={draft.actorId} onChange={set('actorId')}>
            <option value="">Everyone</option>
            {log?.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-action">Action</label>
          <select id="audit-action" value={draft.action} onChange={set('action')}>
            <option value="">Every action</option>
            {Object.entries(auditActionLabels).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-from">From</label>
          <input id="audit-from" type="date" value={draft.from} onInput={set('from')} />
        </div>
        <div class="field">
          <label for="audit-to">To</label>
          <input id="audit-to" type="date" value={draft.to} onInput={set('to')} />
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary">
            Show entries
          </button>
          <a class="button" href={auditCsvUrl(filters)} download="audit-log.csv">
            Export CSV
          </a>
        </div>
      </form>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {log && (
        <>
          <p class="muted" aria-live="polite">
            {log.total === 1 ? '1 entry' : `${log.total} entries`}
            {log.pageCount > 1 ? `, page ${log.page} of ${log.pageCount}` : ''}
          </p>
          <div class="audit-table-wrap">
            <table class="audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">About</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{shownTime(e.at)}</td>
                    <td>{e.actorName ?? '—'}</td>
                    <td>{auditActionLabels[e.action] ?? e.action}</td>
                    <td>{e.subjectName ?? e.subject}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {log.pageCount > 1 && (
            <div class="form-actions">
              <button
                type="button"
                class="button"
                disabled={log.page <= 1}
                onClick={() => setPage(log.page - 1)}
              >
                Newer
              </button>
              <button
                type="button"
                class="button"
                disabled={log.page >= log.pageCount}
                onClick={() => setPage(log.page + 1)}
              >
                Older
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
