import { describe, expect, it } from 'vitest';
import {
  deleteLookFor,
  moveSection,
  deleteSection,
  restoreLookFor,
} from '../../src/shared/protocol-edits';
import { protocol } from '../support/factories';

const ids = (p: ReturnType<typeof protocol>, s = 0) => p.sections[s]!.lookFors.map((l) => l.id);

describe('restoreLookFor (undo a delete)', () => {
  const before = protocol();
  const section = before.sections[0]!;
  const removed = section.lookFors[1]!;
  const after = deleteLookFor(before, 0, 1);

  it('puts the look-for back at its place', () => {
    expect(restoreLookFor(after, section.id, 1, removed)).toEqual(before);
  });

  it('finds the section by id when sections moved in the meantime', () => {
    const moved = moveSection(after, 0, 1);
    const restored = restoreLookFor(moved, section.id, 1, removed);
    expect(ids(restored, 1)).toEqual(ids(before, 0));
  });

  it('clamps the place to the section as it is now', () => {
    const shorter = deleteLookFor(after, 0, 0);
    expect(ids(restoreLookFor(shorter, section.id, 5, removed)).at(-1)).toBe(removed.id);
    expect(ids(restoreLookFor(shorter, section.id, -3, removed))[0]).toBe(removed.id);
  });

  it('changes nothing when the section is gone or the look-for is already back', () => {
    const gone = deleteSection(after, 0);
    expect(restoreLookFor(gone, section.id, 1, removed)).toBe(gone);
    const back = restoreLookFor(after, section.id, 1, removed);
    expect(restoreLookFor(back, section.id, 1, removed)).toBe(back);
  });
});
