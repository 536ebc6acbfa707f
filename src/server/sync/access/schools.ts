import type { PushReads } from './policy';

/** Ids among `userIds` that are not on the staff of the school. */
export async function notOnStaff(
  reads: PushReads,
  schoolId: string,
  userIds: readonly string[],
): Promise<string[]> {
  const outside: string[] = [];
  for (const id of userIds) {
    if ((await reads.roleInSchool(schoolId, id)) === null) outside.push(id);
  }
  return outside;
}
