import type { Route } from '../shell/route';
import { RoundList } from './RoundList';
import { RoundPlanner } from './RoundPlanner';
import { RoundWalk } from './RoundWalk';

type RoundRoute = Extract<Route, { name: 'rounds' | 'round-plan' | 'round' }>;

/** The rounds screens, one chunk: the list, planning a round, and walking one. */
export function RoundScreens({ route }: { route: RoundRoute }) {
  if (route.name === 'round-plan') return <RoundPlanner id={route.id} />;
  if (route.name === 'round') return <RoundWalk id={route.id} />;
  return <RoundList />;
}
