import { AfterVisitScreen } from './AfterVisitScreen';
import { CoverageScreen } from './CoverageScreen';
import { DebriefScreen } from './DebriefScreen';
import { OfferForm } from './OfferForm';
import { VisitDetail } from './VisitDetail';
import { VisitNoteScreen } from './VisitNoteScreen';
import { VisitsHome } from './VisitsHome';
import { parseVisitPath } from './visit-route';

/** Peer and coaching visits, loaded on first use. */
export function VisitsScreens({ path }: { path: string }) {
  const route = parseVisitPath(path);
  switch (route.screen) {
    case 'home':
      return <VisitsHome />;
    case 'new':
      return <OfferForm kind={route.kind} />;
    case 'coverage':
      return <CoverageScreen />;
    case 'visit':
      return <VisitDetail id={route.id} />;
    case 'notes':
      return <VisitNoteScreen id={route.id} />;
    case 'after':
      return <AfterVisitScreen id={route.id} />;
    case 'debrief':
      return <DebriefScreen id={route.id} />;
  }
}
