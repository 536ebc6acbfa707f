import { useEffect, useState } from 'preact/hooks';
import { signOut, signOutEverywhere } from '../../account/api';
import { forgetAccount } from '../../data/account';
import { useServices } from '../app-context';
import { download } from '../shell/download';

export type Scope = 'here' | 'everywhere';

const actionLabel: Record<Scope, string> = {
  here: 'Sign out',
  everywhere: 'Sign out everywhere',
};

/**
 * Loaded when a sign-out button is tapped, so it never weighs on the first screen.
 * Signing out keeps every note in this user's own database on the device; when some
 * have not reached the server yet, it says so and offers them as a file first.
 * Signing out everywhere also ends the sessions on every other device, so it needs
 * the server: offline, it says so and signs nobody out.
 */
export function SignOutPanel({ scope, onDone }: { scope: Scope; onDone: () => void }) {
  const { store, now } = useServices();
  const [asking, setAsking] = useState<Scope | null>(null);
  const [pending, setPending] = useState(0);
  const [problem, setProblem] = useState('');
  const leave = async (scope: Scope) => {
    if (scope === 'everywhere') {
      const result = await signOutEverywhere();
      if (!result.ok) {
        setAsking(null);
        setProblem(`Not signed out anywhere: ${result.message}`);
        return;
      }
    } else {
      await signOut();
    }
    await forgetAccount();
    window.location.hash = '#/';
    window.location.reload();
  };
  const start = async (scope: Scope) => {
    setProblem('');
    const counts = await store.readOutboxCounts();
    const unsent = counts.pending + counts.rejected;
    setPending(unsent);
    if (unsent > 0) setAsking(scope);
    else await leave(scope);
  };
  useEffect(() => {
    void start(scope);
  }, [scope]);
  const exportFirst = async () => {
    const stamp = now().toISOString().slice(0, 16).replace(':', '');
    download(`lookfor-unsent-${stamp}.json`, await store.exportUnsent());
  };
  return (
    <>
      {problem && (
        <p class="banner attention sign-out-dialog" role="alert">
          {problem}{' '}
          <button type="button" class="button quiet" onClick={onDone}>
            Close
          </button>
        </p>
      )}
      {asking && (
        <div
          class="banner attention sign-out-dialog"
          role="alertdialog"
          aria-labelledby="sign-out-title"
          aria-describedby="sign-out-detail"
        >
          <h3 id="sign-out-title">
            {pending === 1 ? '1 note has' : `${pending} notes have`} not reached the server yet
          </h3>
          <p id="sign-out-detail">
            They stay on this device and sync when you sign in again. To keep a copy elsewhere,
            export them first.
            {asking === 'everywhere' &&
              ' Your other devices are signed out too; their notes also wait for you there.'}
          </p>
          <button type="button" class="button" onClick={() => void exportFirst()}>
            Export unsent notes
          </button>
          <button type="button" class="button primary" onClick={() => void leave(asking)}>
            {actionLabel[asking]}
          </button>
          <button type="button" class="button quiet" onClick={onDone}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
