import { describe, expect, it } from 'vitest';
import { blastEmpoweredLearning } from '../../src/shared/builtin-protocols';
import { Protocol, ProtocolDraft, allLookFors } from '../../src/shared/protocol';
import {
  archive,
  blankProtocol,
  draftFrom,
  nextVersion,
  publish,
  publishProblems,
  slugify,
  transitionProblems,
} from '../../src/shared/protocol-rules';
import { slug } from '../../src/shared/text-rules';
import { draftProtocol, lookFor, protocol, section } from '../support/factories';

const now = new Date('2026-12-01T10:30:00.000Z');
const later = '2026-12-02T08:00:00.000Z';

const neverChanges = (version: number, status: string) => [
  {
    path: 'status',
    message: `Version ${version} is ${status} and never changes; edit it to make a new version`,
  },
];

describe('transitionProblems', () => {
  it('lets a version the server has never seen be written in any status', () => {
    expect(transitionProblems(null, draftProtocol())).toStrictEqual([]);
    expect(transitionProblems(null, protocol())).toStrictEqual([]);
    expect(transitionProblems(null, protocol({ status: 'archived' }))).toStrictEqual([]);
  });

  it('lets a draft change freely', () => {
    const draft = draftProtocol();
    const edited = draftProtocol({
      name: 'Afternoon rounds',
      purpose: '',
      sections: [section()],
      updatedAt: later,
    });
    expect(transitionProblems(draft, edited)).toStrictEqual([]);
  });

  it('lets a draft be published', () => {
    const draft = draftProtocol();
    expect(transitionProblems(draft, publish(draft, now))).toStrictEqual([]);
  });

  it('lets a published version be archived with its content unchanged', () => {
    const published = protocol();
    expect(transitionProblems(published, archive(published, now))).toStrictEqual([]);
  });

  it('refuses archiving a published version while changing its content', () => {
    const published = protocol();
    const renamed = { ...archive(published, now), name: 'Renamed on the way out' };
    expect(transitionProblems(published, renamed)).toStrictEqual(neverChanges(1, 'published'));
  });

  it('refuses archiving with a different publication time', () => {
    const published = protocol();
    const moved = { ...archive(published, now), publishedAt: later };
    expect(transitionProblems(published, moved)).toStrictEqual(neverChanges(1, 'published'));
  });

  it('lets a published version be sent again unchanged, whatever its updatedAt', () => {
    const published = protocol();
    expect(transitionProblems(published, { ...published, updatedAt: later })).toStrictEqual([]);
  });

  it('refuses any change to the content of a published version', () => {
    const published = protocol({ version: 2 });
    const changes: Protocol[] = [
      { ...published, name: 'Morning rounds, revised' },
      { ...published, purpose: 'Another purpose' },
      { ...published, kind: 'coaching_visit' },
      { ...published, sections: [section()] },
      {
        ...published,
        sections: published.sections.map((s) => ({
          ...s,
          lookFors: s.lookFors.map((l) => ({ ...l, text: `${l.text}!` })),
        })),
      },
    ];
    for (const next of changes) {
      expect(transitionProblems(published, next)).toStrictEqual(neverChanges(2, 'published'));
    }
  });

  it('refuses turning a published version back into a draft', () => {
    const published = protocol();
    const reopened = { ...published, status: 'draft' as const, publishedAt: null };
    expect(transitionProblems(published, reopened)).toStrictEqual(neverChanges(1, 'published'));
    expect(transitionProblems(published, { ...published, status: 'draft' })).toStrictEqual(
      neverChanges(1, 'published'),
    );
  });

  it('never lets an archived version change, not even back to published', () => {
    const archived = protocol({ version: 3, status: 'archived' });
    expect(transitionProblems(archived, { ...archived, status: 'published' })).toStrictEqual(
      neverChanges(3, 'archived'),
    );
    expect(transitionProblems(archived, { ...archived, status: 'draft' })).toStrictEqual(
      neverChanges(3, 'archived'),
    );
    expect(transitionProblems(archived, { ...archived, name: 'Renamed' })).toStrictEqual(
      neverChanges(3, 'archived'),
    );
  });

  it('lets an archived version be sent again unchanged', () => {
    const archived = protocol({ status: 'archived' });
    expect(transitionProblems(archived, { ...archived, updatedAt: later })).toStrictEqual([]);
  });
});

describe('publishProblems', () => {
  it('finds nothing to stop a protocol whose sections all hold look-fors', () => {
    expect(publishProblems(protocol())).toStrictEqual([]);
    expect(publishProblems(blastEmpoweredLearning)).toStrictEqual([]);
  });

  it('asks for a look-for when there are none at all', () => {
    const empty = draftProtocol({ sections: [section({ title: 'Look-fors', lookFors: [] })] });
    expect(publishProblems(empty)).toStrictEqual([
      { path: 'sections', message: 'Add at least one look-for before publishing' },
      { path: 'sections.0.lookFors', message: '"Look-fors" has no look-fors' },
    ]);
  });

  it('names each empty section by its place and title', () => {
    const [teacher, students] = protocol().sections;
    const p = draftProtocol({
      sections: [
        teacher!,
        section({ id: 'closing', title: 'Closing', lookFors: [] }),
        students!,
        section({ id: 'extra', title: 'Extra', lookFors: [] }),
      ],
    });
    expect(publishProblems(p)).toStrictEqual([
      { path: 'sections.1.lookFors', message: '"Closing" has no look-fors' },
      { path: 'sections.3.lookFors', message: '"Extra" has no look-fors' },
    ]);
  });
});

describe('publish', () => {
  it('marks a draft published and stamps both times from the clock', () => {
    const published = publish(draftProtocol(), now);
    expect(published.status).toBe('published');
    expect(published.publishedAt).toBe('2026-12-01T10:30:00.000Z');
    expect(published.updatedAt).toBe('2026-12-01T10:30:00.000Z');
  });

  it('keeps the content and leaves the draft untouched', () => {
    const draft = draftProtocol();
    const published = publish(draft, now);
    expect({
      ...published,
      status: 'draft',
      publishedAt: null,
      updatedAt: draft.updatedAt,
    }).toStrictEqual(draft);
    expect(draft.status).toBe('draft');
    expect(draft.publishedAt).toBeNull();
  });

  it('produces a version the strict schema accepts', () => {
    expect(Protocol.safeParse(publish(draftProtocol(), now)).success).toBe(true);
  });
});

describe('archive', () => {
  it('marks a version archived, keeps when it was published and stamps updatedAt', () => {
    const published = protocol();
    const archived = archive(published, now);
    expect(archived.status).toBe('archived');
    expect(archived.publishedAt).toBe(published.publishedAt);
    expect(archived.updatedAt).toBe('2026-12-01T10:30:00.000Z');
    expect(published.status).toBe('published');
  });
});

describe('draftFrom', () => {
  it('copies a version into a new draft with the same id and look-for ids', () => {
    const published = protocol({ version: 2 });
    const draft = draftFrom(published, 3, now);
    expect(draft.id).toBe('morning-rounds');
    expect(draft.version).toBe(3);
    expect(allLookFors(draft).map((l) => l.id)).toStrictEqual(
      allLookFors(published).map((l) => l.id),
    );
    expect(draft.sections).toStrictEqual(published.sections);
  });

  it('resets status and publication time and stamps updatedAt', () => {
    const draft = draftFrom(protocol({ status: 'archived' }), 2, now);
    expect(draft.status).toBe('draft');
    expect(draft.publishedAt).toBeNull();
    expect(draft.updatedAt).toBe('2026-12-01T10:30:00.000Z');
  });

  it('leaves the version it copies untouched', () => {
    const published = protocol();
    const before = structuredClone(published);
    draftFrom(published, 2, now);
    expect(published).toStrictEqual(before);
  });

  it('makes version 2 of a starter protocol that parses as a draft', () => {
    const draft = draftFrom(blastEmpoweredLearning, 2, now);
    expect(ProtocolDraft.safeParse(draft).success).toBe(true);
    expect(draft.name).toBe(blastEmpoweredLearning.name);
    expect(blastEmpoweredLearning.status).toBe('published');
  });
});

describe('nextVersion', () => {
  it('starts at 1 when there is no version yet', () => {
    expect(nextVersion([])).toBe(1);
  });

  it('goes one past the highest version, whatever the order or gaps', () => {
    expect(nextVersion([1])).toBe(2);
    expect(nextVersion([3, 1, 2])).toBe(4);
    expect(nextVersion([1, 5])).toBe(6);
  });
});

describe('slugify', () => {
  it('never exceeds the maximum, even with a suffix as long as it', () => {
    const id = slugify('Hello world', 'x'.repeat(50));
    expect(id.length).toBeLessThanOrEqual(48);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('lower-cases words, joins them with dashes and appends the suffix', () => {
    expect(slugify('Morning Rounds', 'ab12')).toBe('morning-rounds-ab12');
  });

  it('drops accents instead of whole letters', () => {
    expect(slugify('Équipe Élan à Café Noël', 'ab12')).toBe('equipe-elan-a-cafe-noel-ab12');
  });

  it('turns runs of punctuation and spaces into one dash and trims them at the ends', () => {
    expect(slugify('  Rounds: 3rd grade (K-2)!! ', 'ab12')).toBe('rounds-3rd-grade-k-2-ab12');
    expect(slugify('--Peer // observation--', 'ab12')).toBe('peer-observation-ab12');
  });

  it('cuts a long name so the whole id fits in 48 characters', () => {
    const id = slugify('Instructional rounds for every school across the whole district', 'ab12');
    expect(id).toBe('instructional-rounds-for-every-school-acros-ab12');
    expect(id).toHaveLength(48);
  });

  it('leaves no dash dangling where the cut falls', () => {
    // The cut keeps 43 characters: 42 letters and the dash after them.
    expect(slugify(`${'a'.repeat(42)} bbbb`, 'ab12')).toBe(`${'a'.repeat(42)}-ab12`);
  });

  it('honours a smaller maximum', () => {
    expect(slugify('Morning rounds', 'x', 10)).toBe('morning-x');
  });

  it('falls back to "item" for a name with no letters or digits', () => {
    for (const name of ['', '   ', '!!!', '日本語']) {
      expect(slugify(name, 'ab12'), JSON.stringify(name)).toBe('item-ab12');
    }
  });

  it('always makes an id the protocol schema accepts', () => {
    const protocolId = slug('Protocol id', 48);
    for (const name of ['Morning Rounds', 'É'.repeat(80), '!!!', 'x'.repeat(200), '9th grade']) {
      const id = slugify(name, 'c0ffee');
      expect(protocolId.safeParse(id).success, id).toBe(true);
    }
  });
});

describe('blankProtocol', () => {
  const blank = () => blankProtocol('Morning rounds', 'coaching_visit', now, 'ab12');

  it('starts a draft version 1 with one empty section', () => {
    expect(blank()).toStrictEqual({
      id: 'morning-rounds-ab12',
      version: 1,
      status: 'draft',
      name: 'Morning rounds',
      purpose: '',
      kind: 'coaching_visit',
      sections: [{ id: 'section-ab12', title: 'Look-fors', focus: 'general', lookFors: [] }],
      publishedAt: null,
      updatedAt: '2026-12-01T10:30:00.000Z',
    });
  });

  it('parses as a draft', () => {
    expect(ProtocolDraft.safeParse(blank()).success).toBe(true);
    expect(
      ProtocolDraft.safeParse(blankProtocol('', 'peer_observation', now, 'ab12')).success,
    ).toBe(true);
  });

  it('cannot be published until a look-for is added', () => {
    expect(publishProblems(blank())).toStrictEqual([
      { path: 'sections', message: 'Add at least one look-for before publishing' },
      { path: 'sections.0.lookFors', message: '"Look-fors" has no look-fors' },
    ]);
  });

  it('parses strictly and publishes once a look-for is added', () => {
    const start = blank();
    const withLookFor: Protocol = {
      ...start,
      sections: start.sections.map((s) => ({ ...s, lookFors: [lookFor()] })),
    };
    expect(publishProblems(withLookFor)).toStrictEqual([]);
    expect(Protocol.safeParse(withLookFor).success).toBe(true);
    expect(Protocol.safeParse(publish(withLookFor, now)).success).toBe(true);
  });
});
