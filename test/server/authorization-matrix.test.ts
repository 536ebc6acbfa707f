import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempts, type Outcome, type RecordScope, type School } from '../support/matrix-attempts';
import { actorFor, buildWorld, roles, type World } from '../support/matrix-world';
import { startTestServer } from '../support/server-app';
import { testDialects } from '../support/test-db';

/**
 * THE AUTHORIZATION MATRIX: every role × every route × own school / other school ×
 * own record / someone else's, as one table. A cell is what the route answers: an
 * HTTP status, a pushed mutation's result, or whether a record is in the user's pull.
 * The acting user is a fresh teacher, coach or principal of school A, a district
 * admin with no school, or nobody. To add a route, add its rows here and its attempt
 * in `test/support/matrix-attempts.ts` (`attempts`, keyed by the route column).
 */
type Row = readonly [string, School, RecordScope, Outcome, Outcome, Outcome, Outcome, Outcome];

// prettier-ignore
const matrix: readonly Row[] = [
  // route                               school      record             teacher     coach       principal   admin       signed out
  ['POST /api/auth/setup',               '-',        '-',               403,        403,        403,        403,        403],
  ['POST /api/auth/login',               '-',        '-',               401,        401,        401,        401,        401],
  ['POST /api/auth/accept-invite',       '-',        '-',               409,        409,        409,        409,        409],
  ['POST /api/auth/password-reset',      '-',        '-',               200,        200,        200,        200,        200],
  ['POST /api/auth/password-reset/confirm', '-',     '-',               409,        409,        409,        409,        409],
  ['GET /api/auth/me',                   '-',        'own',             200,        200,        200,        200,        401],
  ['POST /api/auth/logout',              '-',        'own',             200,        200,        200,        200,        200],
  ['POST /api/auth/logout-everywhere',   '-',        'own',             200,        200,        200,        200,        401],
  ['GET /api/admin/schools',             '-',        '-',               403,        403,        403,        200,        401],
  ['POST /api/admin/schools',            '-',        'new',             403,        403,        403,        201,        401],
  ['POST /api/admin/invites (teacher)',  'own',      'new',             403,        403,        201,        201,        401],
  ['POST /api/admin/invites (teacher)',  'other',    'new',             403,        403,        403,        201,        401],
  ['POST /api/admin/invites (principal)','own',      'new',             403,        403,        403,        201,        401],
  ['POST /api/admin/invites (admin)',    'district', 'new',             403,        403,        403,        201,        401],
  ['POST /api/admin/roster',             'own',      'new',             403,        403,        403,        201,        401],
  ['POST /api/roster/oneroster/dry-run', '-',        'new',             403,        403,        403,        200,        401],
  ['POST /api/roster/oneroster/import',  '-',        'new',             403,        403,        403,        200,        401],
  ['POST /api/admin/memberships',        'own',      'own',             403,        403,        403,        200,        401],
  ['POST /api/admin/memberships',        'own',      "other's",         403,        403,        200,        200,        401],
  ['POST /api/admin/memberships',        'other',    "other's",         403,        403,        403,        200,        401],
  // The staff directory and lifecycle ("other's": a teacher of that school) and the audit log.
  ['GET /api/staff',                     '-',        '-',               403,        403,        200,        200,        401],
  ['POST /api/staff/:id/role',           'own',      "other's",         403,        403,        200,        200,        401],
  ['POST /api/staff/:id/role',           'other',    "other's",         403,        403,        403,        200,        401],
  ['POST /api/staff/:id/move',           'own',      "other's",         403,        403,        403,        200,        401],
  ['POST /api/staff/:id/deactivate',     'own',      "other's",         403,        403,        200,        200,        401],
  ['POST /api/staff/:id/deactivate',     'other',    "other's",         403,        403,        403,        200,        401],
  ['POST /api/staff/:id/reactivate',     'own',      "other's",         403,        403,        200,        200,        401],
  ['POST /api/staff/:id/reactivate',     'other',    "other's",         403,        403,        403,        200,        401],
  ['POST /api/staff/:id/erase',          'own',      "other's",         403,        403,        403,        200,        401],
  ['POST /api/staff/:id/erase',          'other',    "other's",         403,        403,        403,        200,        401],
  ['POST /api/staff/invites/:id/revoke', 'own',      'new',             403,        403,        200,        200,        401],
  ['POST /api/staff/invites/:id/revoke', 'other',    'new',             403,        403,        403,        200,        401],
  ['POST /api/staff/invites/:id/resend', 'own',      'new',             403,        403,        200,        200,        401],
  ['POST /api/staff/invites/:id/resend', 'other',    'new',             403,        403,        403,        200,        401],
  ['GET /api/auth/sign-in-options',      '-',        '-',               200,        200,        200,        200,        200],
  ['GET /api/settings/sign-in',          '-',        '-',               403,        403,        403,        200,        401],
  ['PUT /api/settings/sign-in',          '-',        '-',               403,        403,        403,        200,        401],
  ['GET /api/settings/retention',        '-',        '-',               403,        403,        403,        200,        401],
  ['PUT /api/settings/retention',        '-',        '-',               403,        403,        403,        200,        401],
  ['GET /api/audit',                     '-',        '-',               403,        403,        403,        200,        401],
  // The email outbox (a given-up message for the retry).
  ['GET /api/admin/emails',              '-',        '-',               403,        403,        403,        200,        401],
  ['POST /api/admin/emails/:id/retry',   '-',        '-',               403,        403,        403,        200,        401],
  ['GET /api/audit/export.csv',          '-',        '-',               403,        403,        403,        200,        401],
  ['GET /api/me/export',                 'own',      'own',             'sees',     'sees',     'sees',     'sees',     401],
  ['GET /api/me/export',                 'own',      "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],

  ['PUSH observation',                   'own',      'new',             'applied',  'applied',  'applied',  'applied',  401],
  ['PUSH observation',                   'other',    'new',             'rejected', 'rejected', 'rejected', 'applied',  401],
  ['PUSH observation',                   'own',      'as someone else', 'rejected', 'rejected', 'rejected', 'rejected', 401],
  ['PUSH observation',                   'own',      "other's",         'rejected', 'rejected', 'rejected', 'rejected', 401],
  ['PUSH observation',                   'other',    "other's",         'rejected', 'rejected', 'rejected', 'rejected', 401],
  ['PUSH protocol',                      'own',      'new',             'rejected', 'applied',  'applied',  'applied',  401],
  ['PUSH protocol',                      'other',    'new',             'rejected', 'rejected', 'rejected', 'applied',  401],
  ['PUSH protocol',                      'district', 'new',             'rejected', 'rejected', 'rejected', 'applied',  401],
  ['PUSH protocol',                      'own',      "other's",         'rejected', 'applied',  'applied',  'applied',  401],
  ['PUSH protocol',                      'other',    "other's",         'rejected', 'rejected', 'rejected', 'applied',  401],
  ['PUSH round',                         'own',      'new',             'rejected', 'applied',  'applied',  'applied',  401],
  ['PUSH round',                         'other',    'new',             'rejected', 'rejected', 'rejected', 'applied',  401],
  ['PUSH round',                         'own',      "other's",         'rejected', 'applied',  'applied',  'applied',  401],
  ['PUSH round',                         'other',    "other's",         'rejected', 'rejected', 'rejected', 'applied',  401],
  ['PUSH round-progress',                'own',      'new',             'rejected', 'rejected', 'rejected', 'rejected', 401],
  ['PUSH shared-note',                   'own',      'new',             'rejected', 'rejected', 'rejected', 'rejected', 401],
  // Peer offers: any staff member hosts one in their own school; a district admin hosts none.
  ['PUSH visit',                         'own',      'new',             'applied',  'applied',  'applied',  'rejected', 401],
  ['PUSH visit',                         'other',    'new',             'rejected', 'rejected', 'rejected', 'rejected', 401],
  // Notes only from the visit's observer ('own': the actor booked the visit).
  ['PUSH visit-note',                    'own',      'own',             'applied',  'applied',  'applied',  'rejected', 401],
  ['PUSH visit-note',                    'own',      "other's",         'rejected', 'rejected', 'rejected', 'rejected', 401],
  // Reflections from the host or the observer ('own': the actor hosts the visit).
  ['PUSH reflection',                    'own',      'own',             'applied',  'applied',  'applied',  'rejected', 401],
  ['PUSH reflection',                    'own',      "other's",         'rejected', 'rejected', 'rejected', 'rejected', 401],

  // Results: aggregates of a school, for its leaders, and its teachers while it shares.
  ['GET /api/dashboard/summary',         'own',      '-',               200,        200,        200,        200,        401],
  ['GET /api/dashboard/summary',         'other',    '-',               403,        403,        403,        200,        401],
  ['GET /api/dashboard/summary (not shared)', 'own', '-',               403,        200,        200,        200,        401],
  ['GET /api/dashboard/summary.csv',     'own',      '-',               200,        200,        200,        200,        401],
  ['GET /api/dashboard/summary.csv',     'other',    '-',               403,        403,        403,        200,        401],
  ['GET /api/dashboard/evidence',        'other',    '-',               403,        403,        403,        200,        401],
  // Evidence: a round's leaders read every note and pick (maybe trim) what staff read;
  // a teacher reads only the picks ("other's": a note someone else wrote, a pick a coach made).
  ['GET /api/dashboard/evidence (a note not picked)', 'own', "other's", 'hidden', 'sees', 'sees', 'sees', 401],
  ['GET /api/dashboard/evidence (a picked, trimmed note)', 'own', "other's", 'sees', 'sees', 'sees', 'sees', 401],
  ['POST /api/dashboard/staff-evidence', 'own',      'new',             403,        201,        201,        201,        401],
  ['POST /api/dashboard/staff-evidence', 'other',    'new',             403,        403,        403,        201,        401],
  ['DELETE /api/dashboard/staff-evidence/:id', 'own', "other's",        403,        200,        200,        200,        401],
  ['DELETE /api/dashboard/staff-evidence/:id', 'other', "other's",      403,        403,        403,        200,        401],
  // Targets: everyone who reads a school's results reads them; its leaders set them.
  ['GET /api/dashboard/targets',         'own',      '-',               200,        200,        200,        200,        401],
  ['GET /api/dashboard/targets',         'other',    '-',               403,        403,        403,        200,        401],
  ['PUT /api/dashboard/targets',         'own',      'new',             403,        200,        200,        200,        401],
  ['PUT /api/dashboard/targets',         'other',    'new',             403,        403,        403,        200,        401],
  ['GET /api/dashboard/trend',           'other',    '-',               403,        403,        403,        200,        401],
  ['GET /api/dashboard/district',        '-',        '-',               403,        403,        403,        200,        401],
  ['PUT /api/dashboard/sharing',         'own',      '-',               403,        403,        200,        200,        401],
  ['PUT /api/dashboard/sharing',         'other',    '-',               403,        403,        403,        200,        401],
  // The share-back clock: a school's leaders see and stop their rounds' clocks; district admins all.
  ['GET /api/share-back/rounds',         'own',      '-',               403,        200,        200,        200,        401],
  ['GET /api/share-back/rounds',         'other',    '-',               403,        403,        403,        200,        401],
  ['POST /api/share-back/rounds/:id/share', 'own',   '-',               403,        200,        200,        200,        401],
  ['POST /api/share-back/rounds/:id/share', 'other', '-',               403,        403,        403,        200,        401],
  ['GET /api/share-back/district',       '-',        '-',               403,        403,        403,        200,        401],
  ['GET /api/share-back/settings',       '-',        '-',               403,        403,        403,        200,        401],
  ['PUT /api/share-back/settings',       '-',        '-',               403,        403,        403,        200,        401],
  // The staff list (names, ids, roles) for round planners; the coaches a teacher may invite.
  ['GET /api/schools/:id/staff',         'own',      '-',               403,        200,        200,        200,        401],
  ['GET /api/schools/:id/staff',         'other',    '-',               403,        403,        403,        200,        401],
  ['GET /api/visits/coaches',            'own',      '-',               200,        200,        200,        200,        401],
  // Calibration: the round's team only ('own': the actor is on it; a district admin never is).
  ['GET /api/calibration/:roundId',      'own',      'own',             200,        200,        200,        403,        401],
  ['GET /api/calibration/:roundId',      'own',      "other's",         403,        403,        403,        403,        401],
  ['GET /api/calibration/:roundId',      'other',    "other's",         403,        403,        403,        403,        401],
  // Calibration pairs outside rounds: a partner is an active colleague of the visit's school;
  // a pair's agreement is for the two who named each other ('own': the actor named the partner).
  ['PUSH observation (calibration partner)', 'own',  'new',             'applied',  'applied',  'applied',  'applied',  401],
  ['PUSH observation (calibration partner)', 'other', 'new',            'rejected', 'rejected', 'rejected', 'rejected', 401],
  ['GET /api/calibration/pairs/:partnerId', 'own',   'own',             200,        200,        200,        200,        401],
  ['GET /api/calibration/pairs/:partnerId', 'own',   "other's",         403,        403,        403,        403,        401],
  ['GET /api/calibration/pairs/:partnerId', 'other', 'own',             403,        403,        403,        200,        401],
  ['GET /api/calibration/pairs',         'own',      'own',             200,        200,        200,        200,        401],
  ['GET /api/calibration/colleagues',    'own',      '-',               200,        200,        200,        200,        401],
  // A school's judgement words for the note nudges: its staff read them, its principal edits them.
  ['GET /api/schools/:id/nudges',        'own',      '-',               200,        200,        200,        200,        401],
  ['GET /api/schools/:id/nudges',        'other',    '-',               403,        403,        403,        200,        401],
  ['PUT /api/schools/:id/nudges',        'own',      '-',               403,        403,        200,        200,        401],
  ['PUT /api/schools/:id/nudges',        'other',    '-',               403,        403,        403,        200,        401],

  ['PULL observation',                   'own',      'own',             'sees',     'sees',     'sees',     'sees',     401],
  ['PULL observation',                   'own',      "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],
  ['PULL observation',                   'other',    "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],
  ['PULL protocol',                      'own',      "other's",         'sees',     'sees',     'sees',     'sees',     401],
  ['PULL protocol',                      'other',    "other's",         'hidden',   'hidden',   'hidden',   'sees',     401],
  ['PULL protocol',                      'district', "other's",         'sees',     'sees',     'sees',     'sees',     401],
  ['PULL round',                         'own',      "other's",         'sees',     'sees',     'sees',     'sees',     401],
  ['PULL round',                         'other',    "other's",         'hidden',   'hidden',   'hidden',   'sees',     401],
  ['PULL round-progress',                'own',      "other's",         'sees',     'sees',     'sees',     'sees',     401],
  ['PULL round-progress',                'other',    "other's",         'hidden',   'hidden',   'hidden',   'sees',     401],
  ['PULL visit',                         'own',      "other's",         'sees',     'sees',     'sees',     'sees',     401],
  ['PULL visit',                         'other',    "other's",         'hidden',   'hidden',   'hidden',   'sees',     401],
  // A note is its author's; the host receives the shared parts. Never a principal or an admin.
  // ('own' and 'shared with me' are stored with their policy's placement, since a district
  // admin can neither observe nor host; "other's" go through push between two colleagues.)
  ['PULL visit-note',                    'own',      'own',             'sees',     'sees',     'sees',     'sees',     401],
  ['PULL visit-note',                    'own',      "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],
  ['PULL shared-note',                   'own',      'shared with me',  'sees',     'sees',     'sees',     'sees',     401],
  ['PULL shared-note',                   'own',      "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],
  ['PULL reflection',                    'own',      "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],

  // Photos: sent by the staff of a school that allows them; read exactly as their records are.
  ['PUT /api/photos/:hash',              'own',      'new',             201,        201,        201,        201,        401],
  ['PUT /api/photos/:hash',              'other',    'new',             403,        403,        403,        201,        401],
  ['PUT /api/schools/:id/photos',        'own',      '-',               403,        403,        200,        200,        401],
  ['PUT /api/schools/:id/photos',        'other',    '-',               403,        403,        403,        200,        401],
  ['GET /api/photos/:hash (observation)', 'own',     'own',             'sees',     'sees',     'sees',     'sees',     401],
  ['GET /api/photos/:hash (observation)', 'own',     "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],
  ['GET /api/photos/:hash (observation)', 'other',   "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],
  // A visit note's photo reaches its host only when the observer ticks photos when sharing.
  ['GET /api/photos/:hash (visit note)', 'own',      'shared with me',  'sees',     'sees',     'sees',     'hidden',   401],
  ['GET /api/photos/:hash (visit note)', 'own',      "other's",         'hidden',   'hidden',   'hidden',   'hidden',   401],
];
const dialects = await testDialects();

describe.each(dialects)('the authorization matrix on %s', (dialect) => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(await startTestServer(dialect));
  });
  afterAll(async () => {
    await world.server.db.dispose();
  });

  it('has an attempt for every route in the table', () => {
    expect(matrix.map(([route]) => route).filter((route) => !attempts[route])).toEqual([]);
  });

  it.each(matrix)('%s (%s school, %s record)', async (route, school, record, ...cells) => {
    const actual: Outcome[] = [];
    for (const role of roles) {
      const actor = await actorFor(world, role);
      actual.push(await attempts[route]!({ world, actor, school, record }));
    }
    expect(Object.fromEntries(roles.map((r, i) => [r, actual[i]]))).toEqual(
      Object.fromEntries(roles.map((r, i) => [r, cells[i]])),
    );
  });
});
