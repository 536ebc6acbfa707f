import { randomUUID } from 'node:crypto';
import type { SchoolRole } from '../../shared/accounts';
import type { PersonChange, PlannedPerson, RosterPlan } from '../../shared/oneroster/plan-schema';
import { createInvite } from '../admin/routes';
import { recordAudit } from '../audit/repository';
import { setMembership } from '../auth/repository';
import { hashToken } from '../auth/tokens';
import type { Queryable } from '../db/queryable';
import type { EmailLinks } from '../email/outbox';
import { insertSchool } from '../schools/repository';
import { deactivate, reactivate, revokeInvite } from '../staff/repository';
import {
  linkOrg,
  removeMembership,
  renameSchool,
  saveRosterPerson,
  setRosterPersonActive,
  updateAccountProfile,
  type LoadedRoster,
  type RosterLink,
} from './repository';

export interface ApplyContext {
  actor: { id: string; name: string };
  now: Date;
  mail: EmailLinks | null;
}

export interface MadeInvite {
  sourceId: string;
  name: string;
  email: string;
  link: string;
  emailQueued: boolean;
}

const rolesOf = (p: PlannedPerson): Record<string, SchoolRole> =>
  Object.fromEntries(p.assignments.map((a) => [a.schoolSourceId, a.role]));

/**
 * Applies a plan exactly, inside the caller's transaction: schools first (so people
 * can be placed in them), then new people, changes, and leavers. Every change is
 * written to the audit log; new people get the ordinary invite (emailed when email
 * is on, queued in this same transaction).
 */
export async function applyRosterPlan(
  db: Queryable,
  plan: RosterPlan,
  loaded: LoadedRoster,
  ctx: ApplyContext,
): Promise<MadeInvite[]> {
  const at = ctx.now.toISOString();
  const audit = (action: string, subject: string, details?: unknown) =>
    recordAudit(db, { id: randomUUID(), at, actorId: ctx.actor.id, action, subject, details });
  const schoolIds = new Map(loaded.schoolIds);
  const schoolNames = new Map<string, string>();

  for (const school of plan.schools.add) {
    const id = randomUUID();
    await insertSchool(db, id, school.name, at);
    await linkOrg(db, school.sourceId, id, at);
    schoolIds.set(school.sourceId, id);
    await audit('school.created', id, { sourceId: school.sourceId, name: school.name });
  }
  for (const school of plan.schools.link) {
    await linkOrg(db, school.sourceId, school.schoolId, at);
    schoolIds.set(school.sourceId, school.schoolId);
    await audit('roster.school-linked', school.schoolId, { sourceId: school.sourceId });
  }
  for (const school of plan.schools.rename) {
    await renameSchool(db, school.schoolId, school.to);
    schoolNames.set(school.sourceId, school.to);
    await audit('school.renamed', school.schoolId, { from: school.from, to: school.to });
  }
  const schoolId = (sourceId: string) => {
    const id = schoolIds.get(sourceId);
    if (!id) throw new Error(`The plan names an unknown org ${sourceId}`);
    return id;
  };

  const invites: MadeInvite[] = [];
  const invite = async (p: PlannedPerson) => {
    const first = p.assignments[0]!;
    const made = await createInvite(
      db,
      {
        schoolId: schoolId(first.schoolSourceId),
        schoolName: schoolNames.get(first.schoolSourceId) ?? first.schoolName,
        role: first.role,
        name: p.name,
        email: p.email,
      },
      ctx.actor,
      ctx.now,
      ctx.mail,
    );
    invites.push({ sourceId: p.sourceId, name: p.name, email: p.email, ...made });
    return hashToken(made.link.slice(made.link.lastIndexOf('/') + 1));
  };
  const place = async (userId: string, p: PlannedPerson, before: Record<string, SchoolRole>) => {
    for (const source of Object.keys(before))
      if (!p.assignments.some((a) => a.schoolSourceId === source))
        await removeMembership(db, userId, schoolId(source));
    for (const a of p.assignments)
      await setMembership(db, userId, schoolId(a.schoolSourceId), a.role);
  };

  for (const p of plan.add) {
    let inviteHash: string | null = null;
    if (p.existingUserId) {
      await place(p.existingUserId, p, {});
      if (await reactivate(db, p.existingUserId))
        await audit('staff.reactivated', p.existingUserId, { sourceId: p.sourceId });
    } else inviteHash = await invite(p);
    await saveRosterPerson(db, {
      sourceId: p.sourceId,
      name: p.name,
      email: p.email,
      assignments: rolesOf(p),
      userId: p.existingUserId,
      inviteHash,
      active: true,
      at,
    });
    await audit('roster.person-added', p.existingUserId ?? p.email, {
      sourceId: p.sourceId,
      assignments: rolesOf(p),
    });
  }

  const before = new Map(loaded.state.people.map((p) => [p.sourceId, p]));
  for (const p of plan.change) await change(p, loaded.links.get(p.sourceId));

  async function change(p: PersonChange, link: RosterLink | undefined) {
    const was = before.get(p.sourceId);
    if (!was) throw new Error(`The plan changes an unknown person ${p.sourceId}`);
    let inviteHash = link?.openInvite ?? null;
    const userId = link?.userId ?? null;
    if (userId) {
      if (p.reactivate && (await reactivate(db, userId)))
        await audit('staff.reactivated', userId, { sourceId: p.sourceId });
      if (was.name !== p.name || was.email !== p.email)
        await updateAccountProfile(db, userId, { name: p.name, email: p.email });
      await place(userId, p, was.assignments);
    } else {
      const placed = JSON.stringify(rolesOf(p)) !== JSON.stringify(was.assignments);
      if (placed || was.email !== p.email || p.reactivate || !inviteHash) {
        if (inviteHash) await revokeInvite(db, inviteHash, at);
        inviteHash = await invite(p);
      }
    }
    await saveRosterPerson(db, {
      sourceId: p.sourceId,
      name: p.name,
      email: p.email,
      assignments: rolesOf(p),
      userId,
      inviteHash: userId ? null : inviteHash,
      active: true,
      at,
    });
    await audit('roster.person-changed', userId ?? p.email, {
      sourceId: p.sourceId,
      changes: p.changes,
    });
  }

  for (const p of plan.deactivate) {
    const link = loaded.links.get(p.sourceId);
    if (link?.userId) {
      const ended = await deactivate(db, link.userId, at);
      if (ended !== null)
        await audit('staff.deactivated', link.userId, {
          sourceId: p.sourceId,
          sessionsEnded: ended,
          by: 'roster',
        });
    } else if (link?.openInvite && (await revokeInvite(db, link.openInvite, at))) {
      await audit('invite.revoked', p.email, { sourceId: p.sourceId, by: 'roster' });
    }
    await setRosterPersonActive(db, p.sourceId, false, at);
  }
  return invites;
}
