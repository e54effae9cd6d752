// The editor's form state and its conversion to and from the API's shapes, kept apart from the screen so that the
// rules (what is sent, what counts as a change) are in one place.

import type { DatePrecision, MediaRole, StudioArticleFragment } from '../gql/graphql';

export interface DatePoint {
  year: number;
  month: number | null;
  day: number | null;
}

export interface ArticleDraft {
  title: string;
  summary: string;
  precision: DatePrecision;
  start: { year: string; month: string; day: string };
  end: { year: string; month: string; day: string };
  label: string;
  tags: string;
  keyFacts: KeyFactDraft[];
  sections: SectionDraft[];
  places: { name: string; country: string; latitude: string; longitude: string }[];
  sources: { title: string; publisher: string; url: string; note: string }[];
  media: MediaDraft[];
}

/**
 * A section as edited. <c>uid</c> names it in the form only (for reordering): its key for a saved section, a new name
 * for one added here; it is never sent.
 */
export interface SectionDraft {
  uid: string;
  key: string | null;
  heading: string;
  body: string;
}

/** A key fact as edited; <c>uid</c> as for sections (its position when loaded), never sent. */
export interface KeyFactDraft {
  uid: string;
  text: string;
}

let added = 0;

/** A name for an item added in this browser, unlike any loaded one. */
export const newUid = (kind: string) => `${kind}-new-${++added}`;

/** One use of an asset: the asset as the library has it (shown, not sent) and what this use sets. */
export interface MediaDraft {
  assetId: string;
  role: MediaRole;
  captionOverride: string;
  focalPointOverride: { x: number; y: number } | null;
  asset: MediaPreview | null;
}

export interface MediaPreview {
  id: string;
  fileName: string;
  contentType: string;
  altText: string | null;
  caption: string | null;
  width: number | null;
  height: number | null;
  thumbnail: string;
  preview: string;
}

/** The article as the editor loads and saves it. */
export type ArticleData = StudioArticleFragment;

const optional = (value: string) => (value.trim() === '' ? null : value.trim());
const optionalNumber = (value: string) => (value.trim() === '' ? null : Number(value));
const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function draftOf(article: ArticleData): ArticleDraft {
  const start = article.historicalDate.start;
  const end = article.historicalDate.end;
  return {
    title: article.title,
    summary: article.summary,
    precision: article.historicalDate.precision,
    start: { year: text(start.year), month: text(start.month), day: text(start.day) },
    end: { year: text(end?.year), month: text(end?.month), day: text(end?.day) },
    label: text(article.historicalDate.label),
    tags: article.tags.map((t) => t.label).join(', '),
    keyFacts: article.keyFacts.map((text, index) => ({ uid: `fact-${index}`, text })),
    sections: article.sections.map((s) => ({ uid: s.key, key: s.key, heading: s.heading, body: s.body })),
    places: article.places.map((p) => ({ name: p.name, country: text(p.country), latitude: text(p.latitude), longitude: text(p.longitude) })),
    sources: article.sources.map((s) => ({ title: s.title, publisher: text(s.publisher), url: text(s.url), note: text(s.note) })),
    media: article.media.map((m) => ({
      assetId: m.assetId,
      role: m.role,
      captionOverride: text(m.captionOverride),
      focalPointOverride: m.focalPointOverride ? { x: m.focalPointOverride.x, y: m.focalPointOverride.y } : null,
      asset: m.asset,
    })),
  };
}

/** A date point as typed (text fields) in the API's shape; month and day may be empty. */
export const pointOf = (point: { year: string; month: string; day: string }) => ({
  year: Number(point.year),
  month: optionalNumber(point.month),
  day: optionalNumber(point.day),
});

/** The date as typed, for the live display; null while the start year is not a number yet. */
export function datePartsOf(draft: ArticleDraft) {
  const start = pointOf(draft.start);
  if (!Number.isInteger(start.year) || draft.start.year.trim() === '') {
    return null;
  }
  const end = draft.end.year.trim() === '' ? null : pointOf(draft.end);
  return { start, end: end && Number.isInteger(end.year) ? end : null };
}

/** The update input: every field the form holds (the API replaces lists whole, which is how sections are reordered). */
export function inputOf(id: string, expectedVersion: number, draft: ArticleDraft, changeNote: string) {
  return {
    id,
    expectedVersion,
    changeNote: optional(changeNote),
    title: draft.title,
    summary: draft.summary,
    historicalDate: {
      precision: draft.precision,
      label: optional(draft.label),
      start: pointOf(draft.start),
      end: draft.end.year.trim() === '' ? null : pointOf(draft.end),
    },
    tags: draft.tags.split(',').map((t) => t.trim()).filter((t) => t.length > 0),
    keyFacts: draft.keyFacts.map((f) => f.text.trim()).filter((f) => f.length > 0),
    sections: draft.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
    places: draft.places.map((p) => ({ name: p.name, country: optional(p.country), latitude: optionalNumber(p.latitude), longitude: optionalNumber(p.longitude) })),
    sources: draft.sources.map((s) => ({ title: s.title, publisher: optional(s.publisher), url: optional(s.url), note: optional(s.note) })),
    media: draft.media.map((m) => ({ assetId: m.assetId, role: m.role, captionOverride: optional(m.captionOverride), focalPointOverride: m.focalPointOverride })),
  };
}

export function sameDraft(a: ArticleDraft, b: ArticleDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The editor's own edits carried onto a newer version: each field the editor changed (against the version they started
 * from) takes their value, every other field the newer version's, so nobody's save is undone by another's.
 */
export function carriedOver(mine: ArticleDraft, startedFrom: ArticleDraft, newer: ArticleDraft): ArticleDraft {
  const merged = { ...newer };
  for (const field of Object.keys(mine) as (keyof ArticleDraft)[]) {
    if (JSON.stringify(mine[field]) !== JSON.stringify(startedFrom[field])) {
      (merged as Record<keyof ArticleDraft, unknown>)[field] = mine[field];
    }
  }
  return merged;
}
