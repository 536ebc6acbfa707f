import type { FieldIssue } from './errors';
import { allLookFors, type Protocol, type ProtocolKind } from './protocol';

/**
 * What may change in a version the server already holds. A draft may change freely;
 * a published version may only be archived; an archived one not at all.
 */
export function transitionProblems(current: Protocol | null, next: Protocol): FieldIssue[] {
  if (current === null || current.status === 'draft') return [];
  const { status: _s, updatedAt: _u, ...was } = current;
  const { status, updatedAt: _n, ...now } = next;
  const unchanged = JSON.stringify(was) === JSON.stringify(now);
  if (current.status === 'published' && status === 'archived' && unchanged) return [];
  if (current.status === next.status && unchanged) return [];
  return [
    {
      path: 'status',
      message: `Version ${current.version} is ${current.status} and never changes; edit it to make a new version`,
    },
  ];
}

/** Problems that keep a draft from being published (beyond the schema). */
export function publishProblems(protocol: Protocol): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (allLookFors(protocol).length === 0) {
    problems.push({ path: 'sections', message: 'Add at least one look-for before publishing' });
  }
  protocol.sections.forEach((section, i) => {
    if (section.lookFors.length === 0) {
      problems.push({
        path: `sections.${i}.lookFors`,
        message: `"${section.title}" has no look-fors`,
      });
    }
  });
  return problems;
}

export function publish(protocol: Protocol, now: Date): Protocol {
  const stamp = now.toISOString();
  return { ...protocol, status: 'published', publishedAt: stamp, updatedAt: stamp };
}

export function archive(protocol: Protocol, now: Date): Protocol {
  return { ...protocol, status: 'archived', updatedAt: now.toISOString() };
}

/** A new draft version copied from any version; look-for ids are kept so trends continue. */
export function draftFrom(protocol: Protocol, version: number, now: Date): Protocol {
  return { ...protocol, version, status: 'draft', publishedAt: null, updatedAt: now.toISOString() };
}

export function nextVersion(versions: readonly number[]): number {
  return versions.reduce((max, v) => Math.max(max, v), 0) + 1;
}

/** Turns a name into a readable id; `suffix` keeps two devices' new protocols apart. */
export function slugify(text: string, suffix: string, max = 48): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const tail = suffix.slice(0, Math.max(1, max - 2));
  const room = max - tail.length - 1;
  const head = base.slice(0, room).replace(/-+$/, '') || 'item';
  return `${head}-${tail}`.slice(0, max);
}

export function blankProtocol(
  name: string,
  kind: ProtocolKind,
  now: Date,
  suffix: string,
): Protocol {
  return {
    id: slugify(name, suffix),
    version: 1,
    status: 'draft',
    name,
    purpose: '',
    kind,
    sections: [{ id: `section-${suffix}`, title: 'Look-fors', focus: 'general', lookFors: [] }],
    publishedAt: null,
    updatedAt: now.toISOString(),
  };
}
