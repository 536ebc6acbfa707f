import { useState } from 'preact/hooks';
import { signOut } from '../../account/api';
import { forgetAccount } from '../../data/account';
import { useServices } from '../app-context';
import { download } from '../shell/download';

/**
 * Signing out keeps every note in this user's own database on the device; when some
 * have not reached the server yet, it says so and offers them as a file first.
 */
export function SignOut() {
  const { store, now } = useServices();
  const counts = store.useOutboxCounts();
  const [asking, setAsking] = useState(false);
  const pending = (counts?.pending ?? 0) + (counts?.rejected ?? 0);
  const leave = async () => {
    await signOut();
    await forgetAccount();
    window.location.hash = '#/';
    window.location.reload();
  };
  const exportFirst = async () => {
    const stamp = now().toISOString().slice(0, 16).replace(':', '');
    download(`lookfor-unsent-${stamp}.json`, await store.exportUnsent());
  };
  return (
    <div class="sign-out">
      <span class="who">{store.user.name}</span>
      <a class="button quiet" href="/api/me/export" download="lookfor-my-data.json">
        My data
      </a>
      <button
        type="button"
        class="button quiet"
        onClick={() => (pending > 0 ? setAsking(true) : void leave())}
      >
        Sign out
      </button>
      {asking && (
        <div
          class="banner attention sign-out-dialog"
          role="alertdialog"
          aria-labelledby="sign-out-title"
        >
          <h3 id="sign-out-title">
            {pending === 1 ? '1 note has' : `${pending} notes have`} not reached the server yet
          </h3>
          <p>
            They stay on this device and sync when you sign in again. To keep a copy elsewhere,
            export them first.
          </p>
          <button type="button" class="button" onClick={() => void exportFirst()}>
            Export unsent notes
          </button>
          <button type="button" class="button primary" onClick={() => void leave()}>
            Sign out
          </button>
          <button type="button" class="button quiet" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
