import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import type { OutboxEntry, OutboxList, OutboxStatus } from '../../../shared/answers/outbox';
import { loadOutbox, retryEmail } from '../../account/district-api';
import { shownTime } from './staff-format';
import './staff.css';
import './outbox.css';

type Filter = '' | 'queued' | 'sent' | 'failed';

const statusLabels: Record<OutboxStatus, string> = {
  queued: 'Queued',
  retrying: 'Retrying',
  sent: 'Sent',
  failed: 'Failed',
};

const kindLabels: Record<string, string> = {
  invite: 'Invite',
  'password-reset': 'Password reset',
  'visit-booked': 'Visit booked',
  'visit-cancelled': 'Visit cancelled',
  'cover-requested': 'Cover requested',
  'results-shared': 'Results shared',
};

/** An address that wraps after its @ in a narrow column, not mid-word. */
function breakableAddress(address: string) {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}

/** When the message was sent, given up, or is due next. */
const timeOf = (e: OutboxEntry) =>
  e.sentAt
    ? `sent ${shownTime(e.sentAt)}`
    : e.failedAt
      ? `given up ${shownTime(e.failedAt)}`
      : `next try ${shownTime(e.nextAttemptAt)}`;

/**
 * The email outbox, for district admins: every message's recipient, kind, status,
 * attempts and last error (never its text), with "Retry now" for a failed one.
 */
export function EmailOutboxPanel() {
  const [filter, setFilter] = useState<Filter>('');
  const [list, setList] = useState<OutboxList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useReadyToReveal(list !== null || problem !== null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    void loadOutbox(filter).then((result) => {
      if (result.ok) {
        setList(result.value);
        setProblem(null);
      } else setProblem(result.message);
    });
  }, [filter, asked]);

  const retry = async (id: string) => {
    const result = await retryEmail(id);
    if (!result.ok) setProblem(result.message);
    setAsked((n) => n + 1);
  };

  return (
    <section class="admin-section outbox" aria-labelledby="outbox-title">
      <h3 id="outbox-title">Email outbox</h3>
      {list && !list.emailOn && (
        <p class="muted">
          Email is off (no SMTP_URL on the server): invite and reset links are shown to copy
          instead.
        </p>
      )}
      <div class="outbox-filters">
        <div class="field">
          <label for="outbox-status">Show</label>
          <select
            id="outbox-status"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value as Filter)}
          >
            <option value="">Every email</option>
            <option value="queued">Queued or retrying</option>
            <option value="sent">Sent</option>
            <option value="failed">Failed</option>
          </select>
        </div>
        <button type="button" class="button" onClick={() => setAsked((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {list && list.entries.length === 0 && <p class="muted">No emails.</p>}
      {list && list.entries.length > 0 && (
        <div class="audit-table-wrap">
          <table class="audit-table outbox-table">
            <thead>
              <tr>
                <th scope="col">To</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((e) => (
                <tr key={e.id}>
                  <td class="outbox-to">{breakableAddress(e.to)}</td>
                  <td>
                    {kindLabels[e.kind] ?? e.kind}
                    <br />
                    <span class="muted">queued {shownTime(e.createdAt)}</span>
                  </td>
                  <td>
                    <span class={`outbox-status outbox-${e.status}`}>{statusLabels[e.status]}</span>
                    <br />
                    <span class="muted">
                      {e.attempts === 1 ? '1 attempt' : `${e.attempts} attempts`}
                    </span>
                    {e.lastError && <span class="outbox-error">{e.lastError}</span>}
                  </td>
                  <td>{timeOf(e)}</td>
                  <td>
                    {e.retryable && (
                      <button
                        type="button"
                        class="button"
                        aria-label={`Retry now: ${kindLabels[e.kind] ?? e.kind} to ${e.to}`}
                        onClick={() => void retry(e.id)}
                      >
                        Retry now
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
