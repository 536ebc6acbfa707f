import type { Change } from '../../src/shared/sync';
import { signedInCookie, type TestServer } from './server-app';

export const school = 'b1000000-0000-4000-8000-0000000000b1';
export const otherSchool = 'c2000000-0000-4000-8000-0000000000c2';
export const ids = {
  host: '40000000-0000-4000-8000-000000000001',
  colleague: '40000000-0000-4000-8000-000000000002',
  second: '40000000-0000-4000-8000-000000000003',
  principal: '40000000-0000-4000-8000-000000000004',
  coach: '40000000-0000-4000-8000-000000000005',
  outsider: '40000000-0000-4000-8000-000000000006',
  admin: '40000000-0000-4000-8000-000000000007',
} as const;
export type Who = keyof typeof ids;
export type Cookies = Record<Who, string>;

/** One school's host, two colleagues, principal and coach; a teacher elsewhere; a district admin. */
export async function visitSchool(server: TestServer): Promise<Cookies> {
  const db = server.db.db;
  const teacherAt = (schoolId: string) => [{ schoolId, role: 'teacher' as const }];
  return {
    host: await signedInCookie(db, { id: ids.host, roles: teacherAt(school) }),
    colleague: await signedInCookie(db, { id: ids.colleague, roles: teacherAt(school) }),
    second: await signedInCookie(db, { id: ids.second, roles: teacherAt(school) }),
    principal: await signedInCookie(db, {
      id: ids.principal,
      roles: [{ schoolId: school, role: 'principal' }],
    }),
    coach: await signedInCookie(db, {
      id: ids.coach,
      roles: [{ schoolId: school, role: 'coach' }],
    }),
    outsider: await signedInCookie(db, { id: ids.outsider, roles: teacherAt(otherSchool) }),
    admin: await signedInCookie(db, { id: ids.admin, districtAdmin: true }),
  };
}

/** Every change a user's device would receive from an empty cursor. */
export async function pullAll(server: TestServer, cookie: string): Promise<Change[]> {
  const changes: Change[] = [];
  let cursor = 0;
  for (;;) {
    const page = await server.pull(cursor, 500, cookie);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}

/** The records of one entity in a pull, latest version of each. */
export function latest(changes: Change[], entity: string): Map<string, Change> {
  const out = new Map<string, Change>();
  for (const c of changes) if (c.kind === 'record' && c.entity === entity) out.set(c.entityId, c);
  return out;
}
