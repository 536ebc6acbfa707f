import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'list' }
  | { name: 'start' }
  | { name: 'observe'; id: string }
  | { name: 'protocols' }
  | { name: 'protocol'; id: string; version: number }
  | { name: 'signin' }
  | { name: 'admin' }
  /** The results dashboard, opened on one round when `roundId` is given. */
  | { name: 'results'; roundId?: string }
  | { name: 'setup'; token: string }
  | { name: 'invite'; token: string }
  /** "Forgot password?", and the emailed link that sets a new one. */
  | { name: 'forgot' }
  | { name: 'reset'; token: string }
  | { name: 'rounds' }
  | { name: 'round-plan'; id: string | null }
  | { name: 'round'; id: string }
  /** How a calibration round's observers agreed, for its team. */
  | { name: 'round-calibration'; id: string }
  /** My calibration partners outside rounds, or how one partner and I agreed. */
  | { name: 'pairs'; partnerId?: string }
  /** Peer and coaching visits; `path` is parsed by the visits screens themselves. */
  | { name: 'visits'; path: string };

/** Hash routes keep every screen inside the one cached app shell. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const observe = /^\/observe\/([0-9a-f-]{36})$/i.exec(path);
  if (observe?.[1]) return { name: 'observe', id: observe[1] };
  if (path === '/start') return { name: 'start' };
  if (path === '/protocols') return { name: 'protocols' };
  if (path === '/signin') return { name: 'signin' };
  if (path === '/forgot') return { name: 'forgot' };
  if (path === '/admin') return { name: 'admin' };
  if (path === '/rounds') return { name: 'rounds' };
  if (path === '/rounds/new') return { name: 'round-plan', id: null };
  const pairs = /^\/calibration(?:\/([0-9a-f-]{36}))?$/i.exec(path);
  if (pairs) return pairs[1] ? { name: 'pairs', partnerId: pairs[1] } : { name: 'pairs' };
  const round = /^\/rounds\/([0-9a-f-]{36})(\/plan|\/calibration)?$/i.exec(path);
  if (round?.[1]) {
    if (round[2] === '/plan') return { name: 'round-plan', id: round[1] };
    if (round[2]) return { name: 'round-calibration', id: round[1] };
    return { name: 'round', id: round[1] };
  }
  const visits = /^\/visits((?:\/[A-Za-z0-9-]+){0,2})$/.exec(path);
  if (visits) return { name: 'visits', path: visits[1] ?? '' };
  const results = /^\/results(?:\/([0-9a-f-]{36}))?$/i.exec(path);
  if (results) return results[1] ? { name: 'results', roundId: results[1] } : { name: 'results' };
  const link = /^\/(setup|invite|reset)\/([A-Za-z0-9_-]{20,100})$/.exec(path);
  if (link?.[1] === 'setup' && link[2]) return { name: 'setup', token: link[2] };
  if (link?.[1] === 'invite' && link[2]) return { name: 'invite', token: link[2] };
  if (link?.[1] === 'reset' && link[2]) return { name: 'reset', token: link[2] };
  const protocol = /^\/protocols\/([a-z0-9-]{1,48})\/v(\d{1,5})$/.exec(path);
  if (protocol?.[1] && protocol[2]) {
    return { name: 'protocol', id: protocol[1], version: Number(protocol[2]) };
  }
  return { name: 'list' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'list':
      return '#/';
    case 'start':
      return '#/start';
    case 'observe':
      return `#/observe/${route.id}`;
    case 'protocols':
      return '#/protocols';
    case 'protocol':
      return `#/protocols/${route.id}/v${route.version}`;
    case 'signin':
      return '#/signin';
    case 'admin':
      return '#/admin';
    case 'results':
      return route.roundId ? `#/results/${route.roundId}` : '#/results';
    case 'setup':
      return `#/setup/${route.token}`;
    case 'invite':
      return `#/invite/${route.token}`;
    case 'forgot':
      return '#/forgot';
    case 'reset':
      return `#/reset/${route.token}`;
    case 'rounds':
      return '#/rounds';
    case 'round-plan':
      return route.id ? `#/rounds/${route.id}/plan` : '#/rounds/new';
    case 'round':
      return `#/rounds/${route.id}`;
    case 'round-calibration':
      return `#/rounds/${route.id}/calibration`;
    case 'visits':
      return `#/visits${route.path}`;
    case 'pairs':
      return route.partnerId ? `#/calibration/${route.partnerId}` : '#/calibration';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
