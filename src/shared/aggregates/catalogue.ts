import type { NamedValue, Protocol, ResponseKind } from '../protocol';

export interface CatalogueEntry {
  lookForId: string;
  /** Wording, kind, section and tags from the newest version that has the look-for. */
  text: string;
  kind: ResponseKind;
  sectionId: string;
  sectionTitle: string;
  tags: string[];
  /** Scale levels: the newest labels, then ids only older versions had. */
  levels: NamedValue[];
  /** Versions the look-for appears in, oldest first. */
  versions: number[];
}

/**
 * Every look-for of a protocol across its versions, keyed by the stable look-for
 * id: in the newest version's order, then look-fors later versions dropped.
 */
export function catalogue(versions: readonly Protocol[]): CatalogueEntry[] {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const entries = new Map<string, CatalogueEntry>();
  for (const protocol of newestFirst) {
    for (const section of protocol.sections) {
      for (const lookFor of section.lookFors) {
        const entry = entries.get(lookFor.id);
        const levels = lookFor.response.kind === 'scale' ? lookFor.response.levels : [];
        if (!entry) {
          entries.set(lookFor.id, {
            lookForId: lookFor.id,
            text: lookFor.text,
            kind: lookFor.response.kind,
            sectionId: section.id,
            sectionTitle: section.title,
            tags: [...lookFor.tags],
            levels: [...levels],
            versions: [protocol.version],
          });
          continue;
        }
        entry.versions.unshift(protocol.version);
        for (const level of levels) {
          if (!entry.levels.some((l) => l.id === level.id)) entry.levels.push(level);
        }
      }
    }
  }
  return [...entries.values()];
}

/** Whether a version of the protocol asks this look-for at all. */
export const asksIn = (entry: CatalogueEntry, version: number) => entry.versions.includes(version);

export interface LookForGroup {
  kind: 'section' | 'tag';
  id: string;
  label: string;
  lookForIds: string[];
}

/** Sections (as the newest version names them) and tags, each with its seen look-fors. */
export function groupsOf(entries: readonly CatalogueEntry[]): LookForGroup[] {
  const seen = entries.filter((e) => e.kind === 'seen');
  const sections = new Map<string, LookForGroup>();
  const tags = new Map<string, LookForGroup>();
  for (const entry of seen) {
    const section = sections.get(entry.sectionId) ?? {
      kind: 'section' as const,
      id: entry.sectionId,
      label: entry.sectionTitle,
      lookForIds: [],
    };
    section.lookForIds.push(entry.lookForId);
    sections.set(entry.sectionId, section);
    for (const tag of entry.tags) {
      const group = tags.get(tag) ?? { kind: 'tag' as const, id: tag, label: tag, lookForIds: [] };
      group.lookForIds.push(entry.lookForId);
      tags.set(tag, group);
    }
  }
  const byLabel = (a: LookForGroup, b: LookForGroup) => a.label.localeCompare(b.label);
  return [...sections.values(), ...[...tags.values()].sort(byLabel)];
}
