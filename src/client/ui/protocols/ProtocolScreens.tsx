import type { Route } from '../shell/route';
import { ProtocolEditor } from './ProtocolEditor';
import { ProtocolLibrary } from './ProtocolLibrary';

type ProtocolRoute = Extract<Route, { name: 'protocols' | 'protocol' }>;

/** The protocol screens, one chunk: the library, and the editor of one version. */
export function ProtocolScreens({ route }: { route: ProtocolRoute }) {
  return route.name === 'protocol' ? (
    <ProtocolEditor id={route.id} version={route.version} />
  ) : (
    <ProtocolLibrary />
  );
}
