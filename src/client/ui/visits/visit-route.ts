import { hrefFor, navigate } from '../shell/route';

export type VisitRoute =
  | { screen: 'home' }
  | { screen: 'new'; kind: 'peer' | 'coaching' }
  | { screen: 'coverage' }
  | { screen: 'visit' | 'notes' | 'after' | 'debrief'; id: string };

const uuid = /^[0-9a-f-]{36}$/i;

/** The part of the hash after `#/visits`. */
export function parseVisitPath(path: string): VisitRoute {
  const [, first = '', second = ''] = path.split('/');
  if (first === 'new') return { screen: 'new', kind: second === 'coaching' ? 'coaching' : 'peer' };
  if (first === 'coverage') return { screen: 'coverage' };
  if (uuid.test(first)) {
    if (second === 'notes' || second === 'after' || second === 'debrief') {
      return { screen: second, id: first };
    }
    return { screen: 'visit', id: first };
  }
  return { screen: 'home' };
}

export function visitPath(route: VisitRoute): string {
  switch (route.screen) {
    case 'home':
      return '';
    case 'new':
      return `/new/${route.kind}`;
    case 'coverage':
      return '/coverage';
    case 'visit':
      return `/${route.id}`;
    default:
      return `/${route.id}/${route.screen}`;
  }
}

export const visitHref = (route: VisitRoute) => hrefFor({ name: 'visits', path: visitPath(route) });
export const goToVisit = (route: VisitRoute) =>
  navigate({ name: 'visits', path: visitPath(route) });
