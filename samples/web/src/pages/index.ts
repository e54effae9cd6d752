// The index page: published events with cursor paging and filters, search, and "on this day".
// Everything the page shows follows from its URL (?from=&to=&tag=&after=|before=&q=&today=MM-DD), so any
// state can be linked; forms and buttons only change the URL.
import { errorsOf, isAbort, query } from '../api';
import { ErrorBox, h, html, replace } from '../dom';
import {
  EventListDocument,
  OnThisDayDocument,
  SearchEventsDocument,
  TagOptionsDocument,
  type ArticleFilterInput,
  type EventListQueryVariables,
} from '../generated/graphql';
import { navigate, type Page, type PageContext } from '../router';

const PAGE_SIZE = 5;

interface Elements {
  errors: ErrorBox;
  filters: HTMLFormElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  tag: HTMLSelectElement;
  list: HTMLUListElement;
  listStatus: HTMLElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  searchForm: HTMLFormElement;
  q: HTMLInputElement;
  searchResults: HTMLUListElement;
  searchStatus: HTMLElement;
  onThisDay: HTMLElement;
}

let ui: Elements | null = null;
/** What each part last loaded, so an update reloads only the parts whose URL parameters changed. */
const loaded = { list: '', search: '', onThisDay: '' };
const cursors = { start: null as string | null, end: null as string | null };
/** One controller per part: a new load of a part cancels only that part's previous load. */
const parts = new Map<string, AbortController>();

function partSignal(part: string, page: AbortSignal): AbortSignal {
  parts.get(part)?.abort();
  const controller = new AbortController();
  parts.set(part, controller);
  page.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}

/** A year as historians write it: an integer, never 0, negative for BCE. */
function parseYear(text: string | null): number | null | 'invalid' {
  const value = (text ?? '').trim();
  if (value === '') return null;
  if (!/^-?\d{1,5}$/.test(value)) return 'invalid';
  const year = Number(value);
  return year === 0 ? 'invalid' : year;
}

export function yearLabel(year: number): string {
  return year < 0 ? `${-year} BCE` : `${year} CE`;
}

function filterFrom(params: URLSearchParams): { where?: ArticleFilterInput; problems: string[] } {
  const problems: string[] = [];
  const where: ArticleFilterInput = {};
  const from = parseYear(params.get('from'));
  const to = parseYear(params.get('to'));
  if (from === 'invalid') problems.push(`"From" must be a year such as 1066 or -490 (490 BCE); there is no year 0.`);
  if (to === 'invalid') problems.push(`"To" must be a year such as 1945 or -44 (44 BCE); there is no year 0.`);
  if (typeof from === 'number' || typeof to === 'number') {
    // A year operand names that whole year: gte is "from its start", lte "up to its end".
    where.historicalDate = {
      ...(typeof from === 'number' ? { gte: { year: from } } : {}),
      ...(typeof to === 'number' ? { lte: { year: to } } : {}),
    };
  }
  const tag = params.get('tag');
  if (tag) where.tags = { some: { slug: { eq: tag } } };
  return { where: Object.keys(where).length > 0 ? where : undefined, problems };
}

function build(main: HTMLElement): Elements {
  const from = h('input', { id: 'filter-from', name: 'from', type: 'number', step: 1, inputmode: 'numeric', placeholder: 'e.g. -490', 'aria-describedby': 'year-help' });
  const to = h('input', { id: 'filter-to', name: 'to', type: 'number', step: 1, inputmode: 'numeric', placeholder: 'e.g. 1945', 'aria-describedby': 'year-help' });
  const tag = h('select', { id: 'filter-tag', name: 'tag' }, h('option', { value: '' }, 'Any tag'));
  const filters = h(
    'form',
    { class: 'filters', 'data-testid': 'filters', 'aria-labelledby': 'filters-heading' },
    h('h2', { id: 'filters-heading', class: 'visually-hidden' }, 'Filter events'),
    h('div', { class: 'field' }, h('label', { for: 'filter-from' }, 'From year'), from),
    h('div', { class: 'field' }, h('label', { for: 'filter-to' }, 'To year'), to),
    h('div', { class: 'field' }, h('label', { for: 'filter-tag' }, 'Tag'), tag),
    h('div', { class: 'field field--actions' }, h('button', { type: 'submit' }, 'Apply filters'), h('a', { href: '/', class: 'button button--quiet' }, 'Clear')),
    h('p', { id: 'year-help', class: 'hint' }, 'Years as historians write them; negative years are BCE (-490 is 490 BCE).'),
  );

  const list = h('ul', { class: 'event-list', 'data-testid': 'event-list', 'aria-labelledby': 'events-heading' });
  const listStatus = h('p', { class: 'status-line', role: 'status' });
  const previous = h('button', { type: 'button', 'data-testid': 'previous-page', disabled: true }, '← Previous');
  const next = h('button', { type: 'button', 'data-testid': 'next-page', disabled: true }, 'Next →');

  const q = h('input', { id: 'search-q', name: 'q', type: 'search', autocomplete: 'off', maxlength: 200, required: true });
  const searchForm = h(
    'form',
    { class: 'search', role: 'search', 'data-testid': 'search', 'aria-label': 'Search events' },
    h('label', { for: 'search-q' }, 'Search the archive'),
    h('div', { class: 'search__row' }, q, h('button', { type: 'submit' }, 'Search')),
  );
  const searchResults = h('ul', { class: 'search-results', 'data-testid': 'search-results', 'aria-label': 'Search results' });
  const searchStatus = h('p', { class: 'status-line', role: 'status' });
  const onThisDay = h('section', { class: 'on-this-day box', 'data-testid': 'on-this-day', 'aria-labelledby': 'on-this-day-heading' });

  const errorHost = h('div', { class: 'error-host' });
  replace(
    main,
    h(
      'div',
      { class: 'page page--index' },
      h('h1', null, 'Historical events'),
      errorHost,
      h(
        'div',
        { class: 'columns' },
        h(
          'div',
          { class: 'columns__main' },
          filters,
          h(
            'section',
            { class: 'events', 'aria-labelledby': 'events-heading' },
            h('h2', { id: 'events-heading' }, 'Events, newest first'),
            listStatus,
            list,
            h('nav', { class: 'pager', 'aria-label': 'Pages of events' }, previous, next),
          ),
        ),
        h(
          'aside',
          { class: 'columns__side', 'aria-label': 'Search and on this day' },
          h('section', { class: 'box', 'aria-labelledby': 'search-heading' }, h('h2', { id: 'search-heading' }, 'Search'), searchForm, searchStatus, searchResults),
          onThisDay,
        ),
      ),
    ),
  );

  const elements: Elements = { errors: new ErrorBox(errorHost), filters, from, to, tag, list, listStatus, previous, next, searchForm, q, searchResults, searchStatus, onThisDay };

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    for (const [name, input] of [['from', from], ['to', to], ['tag', tag]] as const) {
      const value = input.value.trim();
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    url.searchParams.delete('after');
    url.searchParams.delete('before');
    navigate(url);
  });
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    const text = q.value.trim();
    if (text) url.searchParams.set('q', text);
    else url.searchParams.delete('q');
    navigate(url);
  });
  previous.addEventListener('click', () => {
    if (!cursors.start) return;
    const url = new URL(window.location.href);
    url.searchParams.delete('after');
    url.searchParams.set('before', cursors.start);
    navigate(url);
  });
  next.addEventListener('click', () => {
    if (!cursors.end) return;
    const url = new URL(window.location.href);
    url.searchParams.delete('before');
    url.searchParams.set('after', cursors.end);
    navigate(url);
  });
  return elements;
}

async function loadTags(els: Elements, selected: string, signal: AbortSignal): Promise<void> {
  try {
    const data = await query(TagOptionsDocument, {}, { signal });
    const options = (data.tags?.nodes ?? []).map((t) => h('option', { value: t.slug, 'data-count': t.articleCount }, t.label));
    replace(els.tag, h('option', { value: '' }, 'Any tag'), options);
    els.errors.clear('tags');
  } catch (error) {
    if (isAbort(error)) return;
    els.errors.set('tags', 'The tags could not be loaded.', errorsOf(error));
  }
  const wanted = new URL(window.location.href).searchParams.get('tag') ?? selected;
  if (wanted && ![...els.tag.options].some((o) => o.value === wanted)) els.tag.append(h('option', { value: wanted }, wanted));
  els.tag.value = wanted;
}

async function loadList(els: Elements, params: URLSearchParams, signal: AbortSignal): Promise<void> {
  const { where, problems } = filterFrom(params);
  const after = params.get('after');
  const before = params.get('before');
  els.previous.disabled = true;
  els.next.disabled = true;
  if (problems.length > 0) {
    els.errors.set('list', 'Check the filters.', problems.map((message) => ({ message, extensions: { code: 'INVALID_FILTER' } })));
    els.list.replaceChildren();
    els.list.dataset.state = 'error';
    els.listStatus.textContent = '';
    return;
  }
  const variables: EventListQueryVariables = before
    ? { last: PAGE_SIZE, before, where }
    : { first: PAGE_SIZE, after: after ?? undefined, where };
  els.list.dataset.state = 'loading';
  els.list.setAttribute('aria-busy', 'true');
  els.listStatus.textContent = 'Loading events…';
  try {
    const data = await query(EventListDocument, variables, { signal });
    const connection = data.articles;
    const edges = connection?.edges ?? [];
    replace(
      els.list,
      edges.map(({ node }) =>
        h(
          'li',
          { class: 'event-card', 'data-slug': node.slug },
          h('h3', { class: 'event-card__title' }, h('a', { href: `/events/${encodeURIComponent(node.slug)}` }, node.title)),
          h('p', { class: 'event-card__date', 'data-testid': 'event-date' }, node.historicalDate.display),
          h('p', { class: 'event-card__lead', 'data-testid': 'event-lead' }, node.summary),
        ),
      ),
    );
    cursors.start = connection?.pageInfo.startCursor ?? null;
    cursors.end = connection?.pageInfo.endCursor ?? null;
    els.previous.disabled = !(connection?.pageInfo.hasPreviousPage && cursors.start);
    els.next.disabled = !(connection?.pageInfo.hasNextPage && cursors.end);
    els.listStatus.textContent = edges.length === 0 ? 'No published events match these filters.' : '';
    if (edges.length === 0) els.listStatus.dataset.testid = 'event-list-empty';
    else delete els.listStatus.dataset.testid;
    els.list.dataset.state = 'ready';
    els.errors.clear('list');
  } catch (error) {
    if (isAbort(error)) return;
    els.list.replaceChildren();
    els.list.dataset.state = 'error';
    els.listStatus.textContent = '';
    els.errors.set('list', 'The events could not be loaded.', errorsOf(error));
  } finally {
    els.list.removeAttribute('aria-busy');
  }
}

async function loadSearch(els: Elements, text: string, signal: AbortSignal): Promise<void> {
  els.searchResults.replaceChildren();
  els.searchStatus.textContent = '';
  delete els.searchStatus.dataset.testid;
  els.errors.clear('search');
  if (!text) {
    els.searchResults.dataset.state = 'idle';
    return;
  }
  els.searchResults.dataset.state = 'loading';
  els.searchStatus.textContent = 'Searching…';
  try {
    const data = await query(SearchEventsDocument, { text }, { signal });
    const results = data.search?.nodes ?? [];
    replace(
      els.searchResults,
      results.map((r) =>
        h(
          'li',
          { 'data-slug': r.article.slug },
          h('a', { href: `/events/${encodeURIComponent(r.article.slug)}` }, r.article.title),
          h('p', { class: 'event-card__date', 'data-testid': 'event-date' }, r.article.historicalDate.display),
          // The snippet is HTML from the CMS: text escaped there, matching words in <mark>.
          html('p', { class: 'snippet' }, r.snippet),
        ),
      ),
    );
    els.searchStatus.textContent = results.length === 0 ? `No published event matches “${text}”.` : `${results.length} ${results.length === 1 ? 'event matches' : 'events match'} “${text}”.`;
    if (results.length === 0) els.searchStatus.dataset.testid = 'search-empty';
    els.searchResults.dataset.state = 'ready';
  } catch (error) {
    if (isAbort(error)) return;
    els.searchStatus.textContent = '';
    els.searchResults.dataset.state = 'error';
    els.errors.set('search', 'The search failed.', errorsOf(error));
  }
}

/** Today's month and day, or those of ?today=MM-DD. */
function dayOf(params: URLSearchParams): { month: number; day: number } {
  const override = /^(\d{1,2})-(\d{1,2})$/.exec(params.get('today') ?? '');
  if (override) return { month: Number(override[1]), day: Number(override[2]) };
  const now = new Date();
  return { month: now.getMonth() + 1, day: now.getDate() };
}

async function loadOnThisDay(els: Elements, params: URLSearchParams, signal: AbortSignal): Promise<void> {
  const { month, day } = dayOf(params);
  // 2000 is a leap year, so 29 February has a name too; the server judges whether the day exists.
  const probe = new Date(2000, month - 1, day);
  const dayName =
    probe.getMonth() === month - 1 && probe.getDate() === day
      ? probe.toLocaleDateString(undefined, { day: 'numeric', month: 'long' })
      : `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const heading = h('h2', { id: 'on-this-day-heading' }, `On this day: ${dayName}`);
  replace(els.onThisDay, heading, h('p', { class: 'status-line', role: 'status' }, 'Loading…'));
  els.onThisDay.dataset.state = 'loading';
  try {
    const data = await query(OnThisDayDocument, { month, day }, { signal });
    const events = data.onThisDay;
    replace(
      els.onThisDay,
      heading,
      events.length === 0
        ? h('p', { class: 'empty', 'data-testid': 'on-this-day-empty' }, `No event in the archive happened on ${dayName}.`)
        : h(
            'ul',
            null,
            events.map((e) =>
              h(
                'li',
                { 'data-slug': e.slug },
                h('a', { href: `/events/${encodeURIComponent(e.slug)}` }, e.title),
                h('span', { class: 'event-card__date', 'data-testid': 'event-date' }, e.historicalDate.display),
              ),
            ),
          ),
    );
    els.onThisDay.dataset.state = 'ready';
    els.errors.clear('onThisDay');
  } catch (error) {
    if (isAbort(error)) return;
    replace(els.onThisDay, heading, h('p', { class: 'empty' }, 'The events of this day could not be loaded.'));
    els.onThisDay.dataset.state = 'error';
    els.errors.set('onThisDay', '“On this day” could not be loaded.', errorsOf(error));
  }
}

function apply({ route, signal }: PageContext, first: boolean): Promise<unknown> {
  const els = ui;
  if (!els) return Promise.resolve();
  const params = route.url.searchParams;
  els.from.value = params.get('from') ?? '';
  els.to.value = params.get('to') ?? '';
  els.tag.value = params.get('tag') ?? '';
  els.q.value = params.get('q') ?? '';

  const listKey = ['from', 'to', 'tag', 'after', 'before'].map((k) => params.get(k) ?? '').join('\u0000');
  const searchKey = (params.get('q') ?? '').trim();
  const dayKey = params.get('today') ?? '';
  const work: Promise<unknown>[] = [];
  if (first) work.push(loadTags(els, params.get('tag') ?? '', partSignal('tags', signal)));
  if (first || listKey !== loaded.list) {
    loaded.list = listKey;
    work.push(loadList(els, params, partSignal('list', signal)));
  }
  if (first || searchKey !== loaded.search) {
    loaded.search = searchKey;
    work.push(loadSearch(els, searchKey, partSignal('search', signal)));
  }
  if (first || dayKey !== loaded.onThisDay) {
    loaded.onThisDay = dayKey;
    work.push(loadOnThisDay(els, params, partSignal('onThisDay', signal)));
  }
  return Promise.all(work);
}

export const indexPage: Page = {
  async mount(context) {
    document.title = 'Historical events — Event archive';
    ui = build(context.main);
    await apply(context, true);
  },
  async update(context) {
    if (!ui || !context.main.contains(ui.list)) return indexPage.mount(context);
    await apply(context, false);
  },
};
