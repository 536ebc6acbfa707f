import { CaptureScreen } from '../observations/CaptureScreen';
import { ObservationList } from '../observations/ObservationList';
import { StartObservation } from '../observations/StartObservation';
import { SyncBar } from '../sync/SyncBar';
import { useRoute } from './route';
import { SaveProblemBanner } from './SaveProblemBanner';

export function App({ banner }: { banner?: preact.ComponentChildren }) {
  const route = useRoute();
  return (
    <>
      <header class="app-header">
        <h1>
          <a href="#/">Lookfor</a>
        </h1>
        <SyncBar />
      </header>
      {banner}
      <SaveProblemBanner />
      <main>
        {route.name === 'start' ? (
          <StartObservation />
        ) : route.name === 'observe' ? (
          <CaptureScreen id={route.id} />
        ) : (
          <ObservationList />
        )}
      </main>
    </>
  );
}
