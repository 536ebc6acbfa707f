import { describe, expect, it } from 'vitest';
import { findBuiltinProtocol } from '../../../src/shared/builtin-protocols';
import {
  checkEntity,
  deleteProblems,
  entityModules,
  entityNames,
  type EntityContext,
} from '../../../src/shared/entities';
import type { Protocol } from '../../../src/shared/protocol';
import { round } from '../../support/factories';
import { reflection, visit, visitNote } from '../../support/visit-factories';

const SCHOOL = '00000000-0000-4000-8000-0000000000a1';
const HOST = '00000000-0000-4000-8000-000000000002';
const OBSERVER = '00000000-0000-4000-8000-000000000003';

const starterOnly: EntityContext = {
  findProtocol: async (id, version) => findBuiltinProtocol(id, version),
  current: null,
};
const noProtocols: EntityContext = { findProtocol: async () => undefined, current: null };
const idMismatch = {
  ok: false,
  errors: [{ path: 'id', message: 'Does not match the entity id of the mutation' }],
};

describe('the entity registry', () => {
  it('has a module for every entity name, under its own name', () => {
    expect(Object.keys(entityModules).sort()).toStrictEqual([...entityNames].sort());
    for (const name of entityNames) expect(entityModules[name].name).toBe(name);
  });

  it('lets devices write every entity except the two the server derives', () => {
    const derived = entityNames.filter((name) => !entityModules[name].writable);
    expect(derived).toStrictEqual(['round-progress', 'shared-note']);
  });

  it('refuses a device write of a derived record, whatever it holds', async () => {
    for (const name of ['round-progress', 'shared-note'] as const) {
      expect(await checkEntity(name, 'x', { roundId: 'x' }, starterOnly)).toStrictEqual({
        ok: false,
        errors: [
          { path: 'entity', message: 'The server derives these records; they cannot be written' },
        ],
      });
    }
  });

  it("gives each module's schema the record its factory builds", () => {
    const v = visit({ schoolId: SCHOOL, hostId: HOST });
    expect(entityModules.round.schema.safeParse(round()).success).toBe(true);
    expect(entityModules.visit.schema.safeParse(v).success).toBe(true);
    expect(
      entityModules['visit-note'].schema.safeParse(visitNote(v, { observerId: OBSERVER })).success,
    ).toBe(true);
    expect(
      entityModules.reflection.schema.safeParse(reflection(v, { authorId: HOST })).success,
    ).toBe(true);
    expect(entityModules.round.schema.safeParse({ id: 'not a round' }).success).toBe(false);
  });
});

describe('checkEntity for a round', () => {
  it('accepts a round pinned to a starter protocol under its own id', async () => {
    const r = round();
    expect(await checkEntity('round', r.id, r, starterOnly)).toStrictEqual({ ok: true, data: r });
  });

  it('refuses a round whose id differs from the mutation', async () => {
    expect(await checkEntity('round', crypto.randomUUID(), round(), starterOnly)).toStrictEqual(
      idMismatch,
    );
  });

  it('refuses a round pinned to a protocol version nobody holds', async () => {
    const r = round();
    const result = await checkEntity('round', r.id, r, noProtocols);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.path)).toStrictEqual(['protocolId']);
  });

  it('reports schema problems as field issues', async () => {
    const result = await checkEntity('round', 'x', { ...round(), schoolId: 'nope' }, starterOnly);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.some((e) => e.path === 'schoolId')).toBe(true);
  });
});

describe('checkEntity for a visit, its notes and reflections', () => {
  const v = visit({ schoolId: SCHOOL, hostId: HOST });

  it('accepts a visit pinned to a starter protocol and refuses one with another id', async () => {
    expect(await checkEntity('visit', v.id, v, starterOnly)).toStrictEqual({ ok: true, data: v });
    expect(await checkEntity('visit', crypto.randomUUID(), v, starterOnly)).toStrictEqual(
      idMismatch,
    );
  });

  it('checks a visit note’s answers against its protocol version', async () => {
    const note = visitNote(v, { observerId: OBSERVER });
    expect(await checkEntity('visit-note', note.id, note, starterOnly)).toStrictEqual({
      ok: true,
      data: note,
    });
    const stray = { ...note, responses: { 'no-such-look-for': { text: 'hm' } } };
    const result = await checkEntity('visit-note', note.id, stray, starterOnly);
    expect(result.ok).toBe(false);
  });

  it('refuses a visit note pinned to a protocol version nobody holds', async () => {
    const note = visitNote(v, { observerId: OBSERVER });
    expect((await checkEntity('visit-note', note.id, note, noProtocols)).ok).toBe(false);
  });

  it('accepts a reflection under its own id, with no protocol to look up', async () => {
    const r = reflection(v, { authorId: HOST });
    expect(await checkEntity('reflection', r.id, r, noProtocols)).toStrictEqual({
      ok: true,
      data: r,
    });
    expect(await checkEntity('reflection', crypto.randomUUID(), r, noProtocols)).toStrictEqual(
      idMismatch,
    );
  });

  it('refuses a reflection that is not one', async () => {
    expect((await checkEntity('reflection', 'x', 'text', noProtocols)).ok).toBe(false);
  });
});

describe('deleteProblems by entity', () => {
  const published: Partial<Protocol> = { status: 'published' };

  it('lets every entity but a protocol be deleted whatever it holds', () => {
    for (const name of entityNames.filter((n) => n !== 'protocol')) {
      expect(deleteProblems(name, published)).toStrictEqual([]);
    }
  });
});
