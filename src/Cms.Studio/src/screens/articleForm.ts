// The editor's form state and its conversion to and from the API's shapes, kept apart from the screen so that the
// rules (what is sent, what counts as a change) are in one place.

export interface DatePoint {
  year: number;
  month: number | null;
  day: number | null;
}

export interface ArticleDraft {
  title: string;
  summary: string;
  precision: string;
  start: { year: string; month: string; day: string };
  label: string;
  tags: string;
  keyFacts: string;
  sections: { key: string | null; heading: string; body: string }[];
  places: { name: string; country: string; latitude: string; longitude: string }[];
  sources: { title: string; publisher: string; url: string; note: string }[];
}

export interface ArticleData {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: string;
  latestVersionNumber: number;
  publishedVersionNumber: number | null;
  historicalDate: { precision: string; label: string | null; display: string; start: DatePoint };
  places: { name: string; country: string | null; latitude: number | null; longitude: number | null }[];
  tags: { label: string }[];
  keyFacts: string[];
  sections: { key: string; heading: string; body: string }[];
  sources: { title: string; publisher: string | null; url: string | null; note: string | null }[];
  version: { number: number; author: string; createdAt: string };
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function draftOf(article: ArticleData): ArticleDraft {
  const start = article.historicalDate.start;
  return {
    title: article.title,
    summary: article.summary,
    precision: article.historicalDate.precision,
    start: { year: text(start.year), month: text(start.month), day: text(start.day) },
    label: text(article.historicalDate.label),
    tags: article.tags.map((t) => t.label).join(', '),
    keyFacts: article.keyFacts.join('\n'),
    sections: article.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
    places: article.places.map((p) => ({ name: p.name, country: text(p.country), latitude: text(p.latitude), longitude: text(p.longitude) })),
    sources: article.sources.map((s) => ({ title: s.title, publisher: text(s.publisher), url: text(s.url), note: text(s.note) })),
  };
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());
const optionalNumber = (value: string) => (value.trim() === '' ? null : Number(value));

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
      start: { year: Number(draft.start.year), month: optionalNumber(draft.start.month), day: optionalNumber(draft.start.day) },
    },
    tags: draft.tags.split(',').map((t) => t.trim()).filter((t) => t.length > 0),
    keyFacts: draft.keyFacts.split('\n').map((f) => f.trim()).filter((f) => f.length > 0),
    sections: draft.sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
    places: draft.places.map((p) => ({ name: p.name, country: optional(p.country), latitude: optionalNumber(p.latitude), longitude: optionalNumber(p.longitude) })),
    sources: draft.sources.map((s) => ({ title: s.title, publisher: optional(s.publisher), url: optional(s.url), note: optional(s.note) })),
  };
}

export function sameDraft(a: ArticleDraft, b: ArticleDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Moves the item at index by delta (−1 up, +1 down) in a copy of the list. */
export function moved<T>(items: T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) {
    return items;
  }
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
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
