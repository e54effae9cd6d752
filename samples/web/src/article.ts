// The shared article renderer: the event page, the preview page and the editor's "as published on" view all
// show an article through this one function.
import { h, html, type Child } from './dom';
import type { ArticleContentFragment } from './generated/graphql';

type Media = ArticleContentFragment['media'][number];
type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4';

export interface RenderOptions {
  /** 1 for a page of its own (h1 title, h2 sections); 2 or 3 when the article sits inside another page. */
  headingLevel?: 1 | 2 | 3;
  /** Content shown right under the title, such as the preview banner. */
  banner?: Child;
}

const heading = (level: number): HeadingTag => `h${Math.min(Math.max(level, 1), 4)}` as HeadingTag;

/** The hero: the HERO image, or else the first image the article uses. */
function heroOf(article: ArticleContentFragment): Media | undefined {
  const images = article.media.filter((m) => m.asset?.contentType.startsWith('image/'));
  return images.find((m) => m.role === 'HERO') ?? images[0];
}

function hero(media: Media): HTMLElement | null {
  const asset = media.asset;
  if (!asset) return null;
  const caption = asset.caption?.trim();
  const credit = asset.credit?.trim();
  return h(
    'figure',
    { class: 'hero', 'data-testid': 'hero' },
    h('img', {
      src: asset.url,
      srcset: asset.srcSet || null,
      sizes: '(min-width: 60rem) 56rem, calc(100vw - 2rem)',
      alt: asset.altText ?? '',
      width: asset.width ?? null,
      height: asset.height ?? null,
      decoding: 'async',
    }),
    caption || credit
      ? h(
          'figcaption',
          null,
          caption ? h('span', { class: 'hero__caption', 'data-testid': 'caption' }, caption) : null,
          caption && credit ? ' ' : null,
          credit ? h('span', { class: 'hero__credit', 'data-testid': 'credit' }, `Credit: ${credit}`) : null,
        )
      : null,
  );
}

/** A key fact is one line; "Label: value" lines show their label in bold (the text stays the same). */
function keyFact(fact: string): HTMLElement {
  const at = fact.indexOf(': ');
  if (at <= 0 || at > 60) return h('li', null, fact);
  return h('li', null, h('span', { class: 'fact__label' }, fact.slice(0, at)), ': ', h('span', { class: 'fact__value' }, fact.slice(at + 2)));
}

function source(s: ArticleContentFragment['sources'][number]): HTMLElement {
  const title = s.url ? h('a', { href: s.url, rel: 'noopener noreferrer', class: 'source__title' }, s.title) : h('cite', { class: 'source__title' }, s.title);
  return h(
    'li',
    null,
    title,
    s.publisher ? [', ', h('span', { class: 'source__publisher' }, s.publisher)] : null,
    s.note ? [' — ', h('span', { class: 'source__note' }, s.note)] : null,
  );
}

function listSection(title: string, level: number, testId: string, items: HTMLElement[]): HTMLElement | null {
  if (items.length === 0) return null;
  const id = `${testId}-heading`;
  return h('section', { class: `article__${testId}`, 'aria-labelledby': id }, h(heading(level), { id }, title), h('ul', { 'data-testid': testId }, items));
}

export function renderArticle(article: ArticleContentFragment, options: RenderOptions = {}): HTMLElement {
  const level = options.headingLevel ?? 1;
  const media = heroOf(article);
  const sections = [...article.sections].sort((a, b) => a.position - b.position);
  return h(
    'article',
    { class: 'article', 'data-slug': article.slug, 'data-version': article.version.number },
    h(
      'header',
      { class: 'article__header' },
      h(heading(level), { class: 'article__title' }, article.title),
      h('p', { class: 'article__date', 'data-testid': 'date-label' }, article.historicalDate.display),
      options.banner ?? null,
      h('p', { class: 'article__lead', 'data-testid': 'lead' }, article.summary),
    ),
    media ? hero(media) : null,
    article.keyFacts.length > 0
      ? h(
          'aside',
          { class: 'article__facts', 'aria-label': 'Key facts' },
          h(heading(level + 1), null, 'Key facts'),
          h('ul', { 'data-testid': 'key-facts' }, article.keyFacts.map(keyFact)),
        )
      : null,
    h(
      'div',
      { class: 'article__body', 'data-testid': 'sections' },
      sections.map((s) =>
        h(
          'section',
          { 'data-section': s.key, 'aria-labelledby': `section-${s.key}` },
          h(heading(level + 1), { id: `section-${s.key}` }, s.heading),
          html('div', { class: 'prose' }, s.bodyHtml),
        ),
      ),
    ),
    h(
      'footer',
      { class: 'article__meta' },
      listSection('Places', level + 1, 'places', article.places.map((p) => h('li', null, p.country ? `${p.name}, ${p.country}` : p.name))),
      listSection(
        'Tags',
        level + 1,
        'tags',
        article.tags.map((t) => h('li', { 'data-tag': t.slug }, h('a', { href: `/?tag=${encodeURIComponent(t.slug)}`, class: 'tag' }, t.label))),
      ),
      listSection('Sources', level + 1, 'sources', article.sources.map(source)),
    ),
  );
}
