import { useServices } from '../app-context';
import { useSaveProblem } from './save-problem';

export function SaveProblemBanner() {
  const { saveProblem } = useServices();
  const message = useSaveProblem(saveProblem);
  if (!message) return null;
  return (
    <div class="banner attention" role="alert">
      <h3>Your last change could not be saved on this device</h3>
      <p>
        {message}. Check that the device has free storage, then tap again. Notes saved before are
        safe.
      </p>
      <button type="button" class="button" onClick={saveProblem.clear}>
        Dismiss
      </button>
    </div>
  );
}
