// How a comparison of two article versions (compareArticleVersions) reads: shared by the studio (React) and the
// sample site (plain DOM), so both show the same marks and the same two-column word diff. No imports: each app
// brings its own rendering; this module only decides what is shown.

export type DiffKind = 'UNCHANGED' | 'DELETED' | 'INSERTED';

export interface DiffSegment {
  kind: DiffKind | string;
  text: string;
}

export interface ComparedSection {
  key: string;
  added: boolean;
  removed: boolean;
  moved: boolean;
  bodyChanged: boolean;
  oldHeading?: string | null;
  newHeading?: string | null;
  oldPosition?: number | null;
  newPosition?: number | null;
  bodyDiff: DiffSegment[];
}

export interface ListChange {
  added: string[];
  removed: string[];
}

export interface Comparison {
  from: number;
  to: number;
  fields: { field: string; oldValue?: string | null; newValue?: string | null }[];
  tags: ListChange;
  places: ListChange;
  sources: ListChange;
  keyFacts: ListChange;
  media: ListChange;
  sections: ComparedSection[];
}

/** The lists a comparison reports, in the order they are shown. */
export const comparedLists = ['tags', 'places', 'sources', 'keyFacts', 'media'] as const;
export type ComparedList = (typeof comparedLists)[number];

/** The lists that changed between the two versions. */
export function changedLists(comparison: Comparison): ComparedList[] {
  return comparedLists.filter((list) => comparison[list].added.length + comparison[list].removed.length > 0);
}

/** Whether the two versions have the same content. */
export function isUnchanged(comparison: Comparison): boolean {
  return comparison.fields.length === 0 && changedLists(comparison).length === 0 && comparison.sections.length === 0;
}

export type SectionChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/** What happened to a section, the strongest change first: added or removed, then a changed body, then a move. */
export function sectionChangeKind(section: ComparedSection): SectionChangeKind {
  if (section.added) return 'added';
  if (section.removed) return 'removed';
  if (section.bodyChanged) return 'changed';
  return section.moved ? 'moved' : 'changed';
}

/** A section's heading change, when it kept its place in both versions but was renamed. */
export function headingChange(section: ComparedSection): { from: string; to: string } | null {
  return !section.added && !section.removed && section.oldHeading !== section.newHeading
    ? { from: section.oldHeading ?? '', to: section.newHeading ?? '' }
    : null;
}

/** A move as people count places (first, second…): from and to, 1-based. */
export function movedPlaces(section: ComparedSection): { from: number; to: number } | null {
  return section.moved ? { from: (section.oldPosition ?? 0) + 1, to: (section.newPosition ?? 0) + 1 } : null;
}

export interface DiffPiece {
  text: string;
  /** Only this side has the text: a deletion on the older side, an insertion on the newer. */
  marked: boolean;
}

/**
 * One side of a body's word diff: the text both versions share plus what only this side has, so that the older
 * column reads as the older version with its deletions marked and the newer as the newer one with its insertions.
 */
export function diffSide(diff: DiffSegment[], side: 'old' | 'new'): DiffPiece[] {
  const own = side === 'old' ? 'DELETED' : 'INSERTED';
  return diff.filter((segment) => segment.kind === 'UNCHANGED' || segment.kind === own).map((segment) => ({ text: segment.text, marked: segment.kind === own }));
}
