import { useState } from 'preact/hooks';
import type { PendingInvite } from '../../../shared/staff-directory';
import { resendInvite, revokeInvite } from '../../account/staff-api';
import { roleLabel, shownTime } from './staff-format';

interface Props {
  invites: readonly PendingInvite[];
  onChanged: (message: string, link?: string) => void;
  onProblem: (message: string) => void;
}

/** Invites not yet accepted: resend (a fresh link, emailed when email is on) or revoke. */
export function PendingInvites({ invites, onChanged, onProblem }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  if (invites.length === 0) return <p class="muted">No pending invites.</p>;
  const who = (i: PendingInvite) => i.email ?? i.name ?? 'an invite without an address';

  const revoke = async (invite: PendingInvite) => {
    setBusy(invite.id);
    const result = await revokeInvite(invite.id);
    setBusy(null);
    if (result.ok) onChanged(`The invite for ${who(invite)} is revoked; its link no longer works.`);
    else onProblem(result.message);
  };
  const resend = async (invite: PendingInvite) => {
    setBusy(invite.id);
    const result = await resendInvite(invite.id);
    setBusy(null);
    if (!result.ok) return onProblem(result.message);
    const link = new URL(result.value.link, window.location.origin).href;
    onChanged(
      result.value.emailQueued
        ? `A new invite was emailed to ${who(invite)}; the old link no longer works.`
        : `A new invite link was made for ${who(invite)} (email is off: copy it below); the old link no longer works.`,
      result.value.emailQueued ? undefined : link,
    );
  };

  return (
    <ul class="pending-invites">
      {invites.map((invite) => (
        <li key={invite.id} class="pending-invite">
          <div class="staff-who">
            <strong>{who(invite)}</strong>
            <span class="muted">
              {roleLabel(invite.role)} ·{' '}
              {invite.expired ? 'expired' : `expires ${shownTime(invite.expiresAt)}`}
            </span>
          </div>
          <div class="staff-actions">
            <button
              type="button"
              class="button small"
              disabled={busy !== null}
              onClick={() => void resend(invite)}
            >
              Resend<span class="visually-hidden"> the invite to {who(invite)}</span>
            </button>
            <button
              type="button"
              class="button small danger"
              disabled={busy !== null}
              onClick={() => void revoke(invite)}
            >
              Revoke<span class="visually-hidden"> the invite to {who(invite)}</span>
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
