import { defaultMapping } from '../../src/shared/oneroster/roles';
import type { Attempt, Outcome } from './matrix-attempts';

// How the OneRoster import routes are tried in the authorization matrix: a small
// delta export with a school and a teacher of its own, so attempts never collide.

async function post(a: Attempt, path: string, body: unknown) {
  return a.world.server.app.request(path, {
    method: 'POST',
    headers: {
      ...(a.actor ? { cookie: a.actor.cookie } : {}),
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

function smallExport() {
  const id = crypto.randomUUID().slice(0, 8);
  return {
    files: {
      'manifest.csv':
        'propertyName,value\noneroster.version,1.2\nfile.orgs,delta\nfile.users,delta\nfile.roles,delta\n',
      'orgs.csv': `sourcedId,status,name,type\norg-${id},active,Matrix School ${id},school\n`,
      'users.csv': `sourcedId,status,givenName,familyName,email\nu-${id},active,Ana,Matrix,ana.${id}@district.example\n`,
      'roles.csv': `sourcedId,status,userSourcedId,role,orgSourcedId\nr-${id},active,u-${id},teacher,org-${id}\n`,
    },
    mapping: defaultMapping,
  };
}

export const rosterAttempts: Record<string, (a: Attempt) => Promise<Outcome>> = {
  'POST /api/roster/oneroster/dry-run': async (a) =>
    (await post(a, '/api/roster/oneroster/dry-run', smallExport())).status,
  'POST /api/roster/oneroster/import': async (a) => {
    const body = smallExport();
    const dry = await post(a, '/api/roster/oneroster/dry-run', body);
    const planId = dry.status === 200 ? ((await dry.json()) as { planId: string }).planId : 'x';
    return (await post(a, '/api/roster/oneroster/import', { ...body, planId })).status;
  },
};
