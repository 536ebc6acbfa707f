import type { LookFor, Protocol, ResponseKind, ResponseType, Section } from './protocol';
import { slugify } from './protocol-rules';

/**
 * The editor's operations, as pure functions from one draft to the next. `newId`
 * supplies short random suffixes so ids made on two devices never collide.
 */
export type NewId = () => string;

const move = <T>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
};

const withSection = (p: Protocol, index: number, change: (s: Section) => Section): Protocol => ({
  ...p,
  sections: p.sections.map((s, i) => (i === index ? change(s) : s)),
});

export function addSection(p: Protocol, newId: NewId): Protocol {
  const section: Section = { id: `section-${newId()}`, title: '', focus: 'general', lookFors: [] };
  return { ...p, sections: [...p.sections, section] };
}

export function updateSection(
  p: Protocol,
  index: number,
  patch: Partial<Omit<Section, 'id' | 'lookFors'>>,
): Protocol {
  return withSection(p, index, (s) => ({ ...s, ...patch }));
}

export function moveSection(p: Protocol, from: number, to: number): Protocol {
  return { ...p, sections: move(p.sections, from, to) };
}

export function deleteSection(p: Protocol, index: number): Protocol {
  if (p.sections.length <= 1) return p;
  return { ...p, sections: p.sections.filter((_, i) => i !== index) };
}

const copyLookFor = (l: LookFor, newId: NewId): LookFor => ({
  ...structuredClone(l),
  id: slugify(l.text || 'look-for', newId(), 64),
});

export function duplicateSection(p: Protocol, index: number, newId: NewId): Protocol {
  const source = p.sections[index];
  if (!source) return p;
  const copy: Section = {
    ...source,
    id: `section-${newId()}`,
    title: source.title ? `${source.title} (copy)` : '',
    lookFors: source.lookFors.map((l) => copyLookFor(l, newId)),
  };
  const sections = [...p.sections];
  sections.splice(index + 1, 0, copy);
  return { ...p, sections };
}

export function addLookFor(p: Protocol, sectionIndex: number, newId: NewId): Protocol {
  const lookFor: LookFor = {
    id: `look-for-${newId()}`,
    text: '',
    tags: [],
    response: { kind: 'seen' },
  };
  return withSection(p, sectionIndex, (s) => ({ ...s, lookFors: [...s.lookFors, lookFor] }));
}

/** Rewording keeps the id: trends follow a look-for across versions by it. */
export function updateLookFor(
  p: Protocol,
  sectionIndex: number,
  index: number,
  patch: Partial<Omit<LookFor, 'id'>>,
): Protocol {
  return withSection(p, sectionIndex, (s) => ({
    ...s,
    lookFors: s.lookFors.map((l, i) => (i === index ? { ...l, ...patch } : l)),
  }));
}

export function duplicateLookFor(
  p: Protocol,
  sectionIndex: number,
  index: number,
  newId: NewId,
): Protocol {
  return withSection(p, sectionIndex, (s) => {
    const source = s.lookFors[index];
    if (!source) return s;
    const lookFors = [...s.lookFors];
    lookFors.splice(index + 1, 0, copyLookFor(source, newId));
    return { ...s, lookFors };
  });
}

export function deleteLookFor(p: Protocol, sectionIndex: number, index: number): Protocol {
  return withSection(p, sectionIndex, (s) => ({
    ...s,
    lookFors: s.lookFors.filter((_, i) => i !== index),
  }));
}

/**
 * Puts a deleted look-for back where it was (undo). The section is found by id, so a
 * section moved in the meantime still gets it; a section deleted since, or a look-for
 * already back, leaves the draft unchanged.
 */
export function restoreLookFor(
  p: Protocol,
  sectionId: string,
  index: number,
  lookFor: LookFor,
): Protocol {
  const sectionIndex = p.sections.findIndex((s) => s.id === sectionId);
  const present = p.sections.some((s) => s.lookFors.some((l) => l.id === lookFor.id));
  if (sectionIndex < 0 || present) return p;
  return withSection(p, sectionIndex, (s) => {
    const lookFors = [...s.lookFors];
    lookFors.splice(Math.min(Math.max(0, index), lookFors.length), 0, lookFor);
    return { ...s, lookFors };
  });
}

/** Moves a look-for within its section or into another one (drag and drop, or keys). */
export function moveLookFor(
  p: Protocol,
  from: { section: number; index: number },
  to: { section: number; index: number },
): Protocol {
  const source = p.sections[from.section]?.lookFors[from.index];
  if (!source || !p.sections[to.section]) return p;
  if (from.section === to.section) {
    return withSection(p, from.section, (s) => ({
      ...s,
      lookFors: move(s.lookFors, from.index, to.index),
    }));
  }
  const removed = deleteLookFor(p, from.section, from.index);
  return withSection(removed, to.section, (s) => {
    const lookFors = [...s.lookFors];
    lookFors.splice(Math.min(Math.max(0, to.index), lookFors.length), 0, source);
    return { ...s, lookFors };
  });
}

/** A response type of the chosen kind, keeping levels or options when switching between scale and choice. */
export function responseOfKind(
  kind: ResponseKind,
  previous: ResponseType,
  newId: NewId,
): ResponseType {
  const carried =
    previous.kind === 'scale'
      ? previous.levels
      : previous.kind === 'choice'
        ? previous.options
        : null;
  const starter = (labels: string[]) =>
    labels.map((label) => ({ id: slugify(label, newId(), 40), label }));
  switch (kind) {
    case 'scale':
      return { kind, levels: carried ?? starter(['Not yet', 'Emerging', 'Evident']) };
    case 'choice':
      return { kind, multiple: false, options: carried ?? starter(['Option 1', 'Option 2']) };
    default:
      return { kind };
  }
}
