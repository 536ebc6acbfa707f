// First: the bar's and the popovers' rules come before the sync chip's and the menu's.
import './shell.css';
import { ObservationList } from '../observations/ObservationList';
import { AccountMenu } from '../account/AccountMenu';
import { useServices } from '../app-context';
import { SyncChip } from '../sync/SyncChip';
import { lazyScreen } from './lazy';
import { hrefFor, useRoute, type Route } from './route';
import { SaveProblemBanner } from './SaveProblemBanner';
import { SkipLink } from './focus';

// Only the list is on the first screen; the rest load on first use (precached).
const StartObservation = lazyScreen(() =>
  import('../observations/screens').then((m) => m.StartObservation),
);
const CaptureScreen = lazyScreen(() =>
  import('../observations/screens').then((m) => m.CaptureScreen),
);
const SignInScreen = lazyScreen(() =>
  import('../account/AccountScreens').then((m) => m.SignInScreen),
);
const AdminScreen = lazyScreen(() => import('../admin/AdminScreen').then((m) => m.AdminScreen));
const ResultsScreen = lazyScreen(() =>
  import('../dashboard/ResultsScreen').then((m) => m.ResultsScreen),
);
const ProtocolScreens = lazyScreen(() => import('../protocols').then((m) => m.ProtocolScreens));
const VisitsScreens = lazyScreen(() => import('../visits').then((m) => m.VisitsScreens));

const RoundScreens = lazyScreen(() => import('../rounds').then((m) => m.RoundScreens));
const CalibrationScreens = lazyScreen(() =>
  import('../calibration/screens').then((m) => m.CalibrationScreens),
);

function Screen({ route }: { route: Route }) {
  const { store } = useServices();
  switch (route.name) {
    case 'signin':
      return <SignInScreen email={store.user.email} />;
    case 'admin':
      return <AdminScreen />;
    case 'results':
      return <ResultsScreen roundId={route.roundId} />;
    case 'setup':
    case 'invite':
      return (
        <p class="screen banner info">
          You are signed in as {store.user.name}. Sign out first to use this link.
        </p>
      );
    case 'start':
      return <StartObservation />;
    case 'observe':
      return <CaptureScreen id={route.id} />;
    case 'protocols':
    case 'protocol':
      return <ProtocolScreens route={route} />;
    case 'visits':
      return <VisitsScreens path={route.path} />;
    case 'list':
      return <ObservationList />;
    case 'rounds':
    case 'round-plan':
    case 'round':
      return <RoundScreens route={route} />;
    case 'round-calibration':
      return <CalibrationScreens roundId={route.id} />;
    case 'pairs':
      return <CalibrationScreens partnerId={route.partnerId} />;
  }
}

export function App({ banner }: { banner?: preact.ComponentChildren }) {
  const route = useRoute();
  const { store } = useServices();
  const manages =
    store.user.districtAdmin || store.user.memberships.some((m) => m.role === 'principal');
  const inProtocols = route.name === 'protocols' || route.name === 'protocol';
  const inRounds =
    route.name === 'rounds' ||
    route.name === 'round' ||
    route.name === 'round-plan' ||
    route.name === 'round-calibration';
  const onStaff = store.user.districtAdmin || store.user.memberships.length > 0;
  return (
    <>
      <SkipLink />
      <header class="app-header">
        <h1>
          <a href="#/">Lookfor</a>
        </h1>
        <nav aria-label="Main">
          <a
            href={hrefFor({ name: 'list' })}
            aria-current={
              !inProtocols &&
              !inRounds &&
              route.name !== 'admin' &&
              route.name !== 'visits' &&
              route.name !== 'results'
                ? 'page'
                : undefined
            }
          >
            Observations
          </a>
          {onStaff && (
            <a href={hrefFor({ name: 'rounds' })} aria-current={inRounds ? 'page' : undefined}>
              Rounds
            </a>
          )}
          <a href={hrefFor({ name: 'protocols' })} aria-current={inProtocols ? 'page' : undefined}>
            Protocols
          </a>
          <a
            href={hrefFor({ name: 'visits', path: '' })}
            aria-current={route.name === 'visits' ? 'page' : undefined}
          >
            Visits
          </a>
          {onStaff && (
            <a
              href={hrefFor({ name: 'results' })}
              aria-current={route.name === 'results' ? 'page' : undefined}
            >
              Results
            </a>
          )}
          {manages && (
            <a
              href={hrefFor({ name: 'admin' })}
              aria-current={route.name === 'admin' ? 'page' : undefined}
            >
              Admin
            </a>
          )}
        </nav>
        <SyncChip />
        <AccountMenu />
      </header>
      {/* Transient messages float over the page, so they never push it down. */}
      <div class="toasts">{banner}</div>
      <SaveProblemBanner />
      <main id="content" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </>
  );
}
