/**
 * After a person's data is deleted on request, records that stay (their visits in a
 * round, a round's team, a colleague's visit) must not keep their name. Pure: given a
 * record's data, the version with the person's name replaced, or null when the record
 * does not name them. Read leniently: stored data was checked when it was written.
 */

/** What an erased person is called wherever a record that stays named them. */
export const ERASED_NAME = 'Deleted person';

type Data = Record<string, unknown>;
const isData = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function observationWithout(data: Data, userId: string): Data | null {
  return data.observerId === userId && data.observer !== ERASED_NAME
    ? { ...data, observer: ERASED_NAME }
    : null;
}

function roundWithout(data: Data, userId: string): Data | null {
  if (!Array.isArray(data.team)) return null;
  let changed = false;
  const team = data.team.map((member: unknown) => {
    if (isData(member) && member.userId === userId && member.name !== ERASED_NAME) {
      changed = true;
      return { ...member, name: ERASED_NAME };
    }
    return member;
  });
  return changed ? { ...data, team } : null;
}

function visitWithout(data: Data, userId: string): Data | null {
  const host = data.hostId === userId && data.hostName !== ERASED_NAME;
  const observer = data.observerId === userId && data.observerName !== ERASED_NAME;
  if (!host && !observer) return null;
  return {
    ...data,
    ...(host ? { hostName: ERASED_NAME } : {}),
    ...(observer ? { observerName: ERASED_NAME } : {}),
  };
}

const rules: Record<string, (data: Data, userId: string) => Data | null> = {
  observation: observationWithout,
  round: roundWithout,
  visit: visitWithout,
};

/** The entities whose records may carry a person's name beside their id. */
export const entitiesNamingPeople = Object.keys(rules);

export function withoutName(entity: string, data: unknown, userId: string): Data | null {
  const rule = rules[entity];
  return rule && isData(data) ? rule(data, userId) : null;
}
