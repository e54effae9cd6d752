// The editor page, /editor[?article=<id>]: an article's history, comparison of two versions, restoring a
// version, and what readers saw at a given moment. Needs an API key (viewer to read, publisher to restore),
// sent as the X-Api-Key header and kept in sessionStorage only (gone when the tab closes).
import { errorsOf, isAbort, mutate, query, type GraphQLErrorItem } from '../api';
import { changedLists, diffSide, headingChange, isUnchanged, movedPlaces, sectionChangeKind, type ComparedList } from '../../../../src/web-shared/compare';
import { renderArticle } from '../article';
import { ErrorBox, dateTime, h, replace, type Child } from '../dom';
import {
  ArticleAsOfDocument,
  ArticleHistoryDocument,
  CompareVersionsDocument,
  EditorArticlesDocument,
  MeDocument,
  RestoreVersionDocument,
  type ArticleHistoryQuery,
  type ArticleStatus,
  type CompareVersionsQuery,
  type EditorArticlesQuery,
} from '../generated/graphql';
import { setUrlQuietly, type Page } from '../router';

const KEY_STORAGE = 'cms-sample-web:api-key';

type HistoryArticle = NonNullable<ArticleHistoryQuery['article']>;
type VersionRow = NonNullable<NonNullable<HistoryArticle['versions']>['nodes']>[number];
type Comparison = NonNullable<CompareVersionsQuery['compareArticleVersions']>;
type ArticleOption = NonNullable<NonNullable<EditorArticlesQuery['articles']>['nodes']>[number];

interface History {
  article: HistoryArticle;
  versions: VersionRow[];
}

const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: 'Draft (not published)',
  PUBLISHED: 'Published',
  PUBLISHED_WITH_DRAFT: 'Published, with a newer unpublished version',
  ARCHIVED: 'Archived',
};

function readKey(): string | null {
  try {
    return window.sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

function writeKey(key: string | null): void {
  try {
    if (key) window.sessionStorage.setItem(KEY_STORAGE, key);
    else window.sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    /* storage unavailable: the key lives only as long as the page */
  }
}

/** The value of a datetime-local input for a moment, in the reader's time zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function userErrors(errors: ReadonlyArray<{ __typename: string; code?: string; message?: string }>): GraphQLErrorItem[] {
  return errors.map((e) => ({ message: e.message ?? e.__typename, extensions: { code: e.code ?? e.__typename } }));
}

class EditorView {
  private apiKey: string | null = readKey();
  private history: History | null = null;
  private articles: ArticleOption[] = [];
  private readonly errors: ErrorBox;
  private articleLoad: AbortController | null = null;

  private readonly keyInput = h('input', { id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'api-key-help' });
  private readonly disconnectButton = h('button', { type: 'button', class: 'button--quiet', 'data-testid': 'disconnect', hidden: true }, 'Disconnect');
  private readonly meLine = h('p', { class: 'me', 'data-testid': 'me', 'aria-live': 'polite' }, 'Not connected.');
  private readonly status = h('p', { class: 'status-line status-line--strong', role: 'status', 'data-testid': 'status' });
  private readonly articleSelect = h('select', { id: 'article-select', name: 'article', disabled: true }, h('option', { value: '' }, 'Connect first'));
  private readonly historyHost = h('div', { class: 'history' });
  private readonly compareFrom = h('select', { id: 'compare-from', name: 'compareFrom' });
  private readonly compareTo = h('select', { id: 'compare-to', name: 'compareTo' });
  private readonly compareButton = h('button', { type: 'submit', 'data-testid': 'compare' }, 'Compare');
  private readonly comparisonHost = h('div', { class: 'comparison-host' });
  private readonly asOfInput = h('input', { id: 'as-of', name: 'asOf', type: 'datetime-local', step: 1, required: true, value: localInputValue(new Date()) });
  private readonly asOfButton = h('button', { type: 'submit', 'data-testid': 'show-as-of' }, 'Show');
  private readonly asOfHost = h('div', { class: 'as-of-host' });
  private readonly articleTools: HTMLElement;

  constructor(
    private readonly main: HTMLElement,
    private readonly signal: AbortSignal,
    private readonly wantedArticle: string | null,
  ) {
    const errorHost = h('div', { class: 'error-host' });
    this.errors = new ErrorBox(errorHost);

    const connectForm = h(
      'form',
      { class: 'connect box', 'data-testid': 'connect-form', 'aria-labelledby': 'connect-heading' },
      h('h2', { id: 'connect-heading' }, 'API key'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'api-key' }, 'API key'),
        h('div', { class: 'inline' }, this.keyInput, h('button', { type: 'submit', 'data-testid': 'connect' }, 'Connect'), this.disconnectButton),
        h(
          'p',
          { id: 'api-key-help', class: 'hint' },
          'A key with the viewer role reads history and comparisons; restoring needs publisher. It is kept in this tab’s session storage only and sent as the X-Api-Key header.',
        ),
      ),
      this.meLine,
    );
    connectForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.connect(this.keyInput.value.trim());
    });
    this.disconnectButton.addEventListener('click', () => this.disconnect());

    this.articleSelect.addEventListener('change', () => void this.selectArticle(this.articleSelect.value));

    const compareForm = h(
      'form',
      { class: 'compare-form', 'data-testid': 'compare-form', 'aria-label': 'Versions to compare' },
      h('div', { class: 'field' }, h('label', { for: 'compare-from' }, 'From version'), this.compareFrom),
      h('div', { class: 'field' }, h('label', { for: 'compare-to' }, 'To version'), this.compareTo),
      h('div', { class: 'field field--actions' }, this.compareButton),
    );
    compareForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.compare();
    });

    const asOfForm = h(
      'form',
      { class: 'as-of-form', 'data-testid': 'as-of-form', 'aria-label': 'As published on' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'as-of' }, 'Date and time (your time zone)'),
        h('div', { class: 'inline' }, this.asOfInput, this.asOfButton),
        h('p', { class: 'hint' }, 'Shows the version readers saw at that moment, from the publication log.'),
      ),
    );
    asOfForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.showAsOf();
    });

    this.articleTools = h(
      'div',
      { class: 'article-tools', hidden: true },
      h('section', { class: 'box', 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, 'History'), this.historyHost),
      h('section', { class: 'box', 'aria-labelledby': 'compare-heading' }, h('h2', { id: 'compare-heading' }, 'Compare two versions'), compareForm, this.comparisonHost),
      h('section', { class: 'box', 'aria-labelledby': 'as-of-heading' }, h('h2', { id: 'as-of-heading' }, 'As published on'), asOfForm, this.asOfHost),
    );

    replace(
      main,
      h(
        'div',
        { class: 'page page--editor' },
        h('h1', null, 'Editor: history and compare'),
        errorHost,
        this.status,
        connectForm,
        h('div', { class: 'field article-picker' }, h('label', { for: 'article-select' }, 'Article'), this.articleSelect),
        this.articleTools,
      ),
    );
  }

  async start(): Promise<void> {
    if (this.apiKey) await this.connect(this.apiKey);
  }

  private get credentials() {
    return { apiKey: this.apiKey ?? undefined, signal: this.signal };
  }

  private async connect(key: string): Promise<void> {
    this.errors.clear();
    this.status.textContent = '';
    if (!key) {
      this.errors.set('connect', 'Enter an API key.', [{ message: 'The API key is empty.' }]);
      return;
    }
    this.meLine.textContent = 'Connecting…';
    try {
      const data = await query(MeDocument, {}, { apiKey: key, signal: this.signal });
      if (!data.me) throw new Error('The CMS did not recognise the key.');
      this.apiKey = key;
      writeKey(key);
      this.keyInput.value = '';
      this.disconnectButton.hidden = false;
      replace(
        this.meLine,
        'Connected as ',
        h('strong', { 'data-name': data.me.name }, data.me.name),
        ' (role ',
        h('span', { 'data-role': data.me.role ?? '' }, data.me.role ?? 'none'),
        ').',
      );
      await this.loadArticles();
    } catch (error) {
      if (isAbort(error)) return;
      this.meLine.textContent = 'Not connected.';
      this.apiKey = null;
      writeKey(null);
      this.errors.set('connect', 'The key was refused.', errorsOf(error));
    }
  }

  private disconnect(): void {
    this.apiKey = null;
    writeKey(null);
    this.history = null;
    this.articleLoad?.abort();
    this.disconnectButton.hidden = true;
    this.meLine.textContent = 'Not connected.';
    this.status.textContent = '';
    this.errors.clear();
    replace(this.articleSelect, h('option', { value: '' }, 'Connect first'));
    this.articleSelect.disabled = true;
    this.articleTools.hidden = true;
    setUrlQuietly('/editor');
  }

  private async loadArticles(): Promise<void> {
    try {
      const data = await query(EditorArticlesDocument, {}, this.credentials);
      this.articles = data.articles?.nodes ?? [];
      const current = this.history?.article.id ?? this.wantedArticle ?? '';
      replace(
        this.articleSelect,
        h('option', { value: '' }, 'Choose an article'),
        this.articles.map((a) => h('option', { value: a.id, 'data-slug': a.slug, 'data-status': a.status }, a.title)),
      );
      this.articleSelect.disabled = false;
      this.errors.clear('articles');
      if (current && this.articles.some((a) => a.id === current)) {
        this.articleSelect.value = current;
        if (!this.history || this.history.article.id !== current) await this.selectArticle(current);
      }
    } catch (error) {
      if (isAbort(error)) return;
      this.errors.set('articles', 'The articles could not be listed.', errorsOf(error));
    }
  }

  private async selectArticle(id: string): Promise<void> {
    this.status.textContent = '';
    this.errors.clear('history');
    this.errors.clear('compare');
    this.errors.clear('restore');
    this.errors.clear('asOf');
    replace(this.comparisonHost);
    replace(this.asOfHost);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('article', id);
    else url.searchParams.delete('article');
    setUrlQuietly(url);
    if (!id) {
      this.history = null;
      this.articleTools.hidden = true;
      return;
    }
    this.articleTools.hidden = false;
    await this.loadHistory(id);
  }

  private async loadHistory(id: string): Promise<boolean> {
    this.articleLoad?.abort();
    const controller = new AbortController();
    this.articleLoad = controller;
    this.signal.addEventListener('abort', () => controller.abort(), { once: true });
    this.historyHost.dataset.state = 'loading';
    try {
      let article: HistoryArticle | null = null;
      const versions: VersionRow[] = [];
      let after: string | undefined;
      // Versions come newest first, a page of 100 at a time.
      for (let page = 0; page < 50; page++) {
        const data = await query(ArticleHistoryDocument, { id, after }, { apiKey: this.apiKey ?? undefined, signal: controller.signal });
        if (!data.article) break;
        article = data.article;
        versions.push(...(data.article.versions?.nodes ?? []));
        const info = data.article.versions?.pageInfo;
        if (!info?.hasNextPage || !info.endCursor) break;
        after = info.endCursor;
      }
      if (!article) {
        this.history = null;
        replace(this.historyHost, h('p', { class: 'empty' }, 'This article no longer exists.'));
        this.historyHost.dataset.state = 'not-found';
        return false;
      }
      this.history = { article, versions };
      this.renderHistory();
      this.historyHost.dataset.state = 'ready';
      return true;
    } catch (error) {
      if (isAbort(error)) return false;
      this.history = null;
      replace(this.historyHost);
      this.historyHost.dataset.state = 'error';
      this.errors.set('history', 'The history could not be loaded.', errorsOf(error));
      return false;
    }
  }

  private renderHistory(): void {
    const history = this.history;
    if (!history) return;
    const { article, versions } = history;
    const latest = article.latestVersionNumber;
    const scheduled = article.scheduledPublication;
    const rows = versions.map((v) => {
      const marks: Child[] = [];
      if (v.number === latest) marks.push(h('span', { class: 'mark mark--latest', 'data-testid': 'latest-mark' }, 'Latest'));
      if (v.number === article.publishedVersionNumber) marks.push(h('span', { class: 'mark mark--published', 'data-testid': 'published-mark' }, 'Published'));
      else if (v.everPublished) marks.push(h('span', { class: 'mark mark--was-published', 'data-testid': 'ever-published-mark' }, 'Was published'));
      if (scheduled && scheduled.version === v.number) {
        marks.push(h('span', { class: 'mark mark--scheduled', 'data-testid': 'scheduled-mark' }, 'Scheduled for ', dateTime(scheduled.at)));
      }
      const restore =
        v.number === latest
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'button--small',
                'data-testid': 'restore',
                'data-version': v.number,
                'aria-label': `Restore version ${v.number}`,
                onclick: () => void this.restore(v.number),
              },
              'Restore this version',
            );
      return h(
        'tr',
        { 'data-version': v.number, class: v.number === article.publishedVersionNumber ? 'is-published' : null },
        h('th', { scope: 'row', class: 'num' }, String(v.number)),
        h('td', null, v.author),
        h('td', null, dateTime(v.createdAt)),
        h('td', null, v.changeNote ?? h('span', { class: 'muted' }, '—')),
        h('td', { class: 'marks' }, marks),
        h('td', null, restore),
      );
    });

    replace(
      this.historyHost,
      h(
        'dl',
        { class: 'facts', 'data-testid': 'article-summary' },
        h('dt', null, 'Article'),
        h('dd', null, h('strong', null, article.title), ' ', h('span', { class: 'muted' }, `(${article.slug})`)),
        h('dt', null, 'Status'),
        h('dd', { 'data-status': article.status }, STATUS_LABELS[article.status] ?? article.status),
        h('dt', null, 'Latest version'),
        h('dd', { 'data-testid': 'latest-version' }, String(latest)),
        h('dt', null, 'Published version'),
        h('dd', { 'data-testid': 'published-version' }, article.publishedVersionNumber ? [String(article.publishedVersionNumber), article.publishedAt ? [', since ', dateTime(article.publishedAt)] : null] : 'none'),
        article.status === 'PUBLISHED' || article.status === 'PUBLISHED_WITH_DRAFT'
          ? [h('dt', null, 'Read it'), h('dd', null, h('a', { href: `/events/${encodeURIComponent(article.slug)}` }, `/events/${article.slug}`))]
          : null,
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'versions', 'data-testid': 'versions' },
          h('caption', { class: 'visually-hidden' }, `Versions of ${article.title}, newest first`),
          h(
            'thead',
            null,
            h('tr', null, h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Saved by'), h('th', { scope: 'col' }, 'Saved at'), h('th', { scope: 'col' }, 'Note'), h('th', { scope: 'col' }, 'Marks'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions'))),
          ),
          h('tbody', null, rows),
        ),
      ),
    );

    // Compare defaults: the version before the latest, and the latest.
    const options = () => versions.map((v) => h('option', { value: v.number }, v.number === latest ? `Version ${v.number} (latest)` : `Version ${v.number}`));
    replace(this.compareFrom, options());
    replace(this.compareTo, options());
    this.compareFrom.value = String(Math.max(1, latest - 1));
    this.compareTo.value = String(latest);
  }

  private async compare(): Promise<void> {
    const history = this.history;
    if (!history) return;
    const from = Number(this.compareFrom.value);
    const to = Number(this.compareTo.value);
    this.errors.clear('compare');
    replace(this.comparisonHost, h('p', { class: 'status-line', role: 'status' }, 'Comparing…'));
    this.compareButton.disabled = true;
    try {
      const data = await query(CompareVersionsDocument, { id: history.article.id, from, to }, this.credentials);
      const comparison = data.compareArticleVersions;
      replace(
        this.comparisonHost,
        comparison ? renderComparison(comparison) : h('p', { class: 'empty' }, `Version ${from} or ${to} does not exist.`),
      );
    } catch (error) {
      if (isAbort(error)) return;
      replace(this.comparisonHost);
      this.errors.set('compare', 'The comparison failed.', errorsOf(error));
    } finally {
      this.compareButton.disabled = false;
    }
  }

  private async restore(version: number): Promise<void> {
    const history = this.history;
    if (!history) return;
    const buttons = [...this.historyHost.querySelectorAll<HTMLButtonElement>('button[data-testid=restore]')];
    buttons.forEach((b) => (b.disabled = true));
    this.errors.clear('restore');
    this.status.textContent = `Restoring version ${version}…`;
    try {
      const data = await mutate(
        RestoreVersionDocument,
        { input: { id: history.article.id, version, expectedVersion: history.article.latestVersionNumber } },
        { apiKey: this.apiKey ?? undefined },
      );
      const payload = data.restoreArticleVersion;
      if (payload.errors.length > 0 || !payload.article) {
        this.status.textContent = `Version ${version} was not restored.`;
        this.errors.set('restore', 'The CMS refused the restore.', userErrors(payload.errors));
        if (payload.errors.some((e) => e.__typename === 'VersionConflictError')) await this.loadHistory(history.article.id);
        else buttons.forEach((b) => (b.disabled = false));
        return;
      }
      const created = payload.article.version.number;
      await this.loadHistory(history.article.id);
      await this.loadArticles();
      this.status.textContent = `Restored version ${version} as version ${created}`;
    } catch (error) {
      if (isAbort(error)) return;
      this.status.textContent = `Version ${version} was not restored.`;
      this.errors.set('restore', 'The restore failed.', errorsOf(error));
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  private async showAsOf(): Promise<void> {
    const history = this.history;
    if (!history) return;
    this.errors.clear('asOf');
    const moment = new Date(this.asOfInput.value);
    if (Number.isNaN(moment.getTime())) {
      this.errors.set('asOf', 'Check the date.', [{ message: 'Enter a date and time.' }]);
      return;
    }
    const iso = moment.toISOString();
    replace(this.asOfHost, h('p', { class: 'status-line', role: 'status' }, 'Loading…'));
    this.asOfButton.disabled = true;
    try {
      const data = await query(ArticleAsOfDocument, { id: history.article.id, asOf: iso }, this.credentials);
      const article = data.article;
      const when = moment.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
      replace(
        this.asOfHost,
        article
          ? h(
              'section',
              { class: 'as-of-result', 'data-testid': 'as-of-result', 'data-state': 'published', 'data-version': article.version.number, 'aria-label': `As published on ${when}` },
              h('p', { class: 'as-of-result__summary' }, 'On ', h('time', { datetime: iso }, when), ' readers saw ', h('strong', { 'data-testid': 'as-of-version' }, `version ${article.version.number}`), '.'),
              renderArticle(article, { headingLevel: 3 }),
            )
          : h(
              'section',
              { class: 'as-of-result', 'data-testid': 'as-of-result', 'data-state': 'not-published' },
              h('p', { class: 'empty', 'data-testid': 'as-of-empty' }, 'This article was not published at that time (', h('time', { datetime: iso }, when), ').'),
            ),
      );
    } catch (error) {
      if (isAbort(error)) return;
      replace(this.asOfHost);
      this.errors.set('asOf', 'The published version at that time could not be loaded.', errorsOf(error));
    } finally {
      this.asOfButton.disabled = false;
    }
  }
}

const LIST_LABELS: Record<ComparedList, string> = { tags: 'Tags', places: 'Places', sources: 'Sources', keyFacts: 'Key facts', media: 'Media' };

const FIELD_LABELS: Record<string, string> = { title: 'Title', summary: 'Lead', historicalDate: 'Date' };

function renderComparison(c: Comparison): HTMLElement {
  return h(
    'section',
    { class: 'comparison', 'data-testid': 'comparison', 'data-from': c.from, 'data-to': c.to, 'aria-labelledby': 'comparison-heading' },
    h('h3', { id: 'comparison-heading' }, `Version ${c.from} → version ${c.to}`),
    isUnchanged(c) ? h('p', { class: 'empty', 'data-testid': 'no-changes' }, 'These versions have the same content.') : null,
    c.fields.length > 0
      ? h(
          'table',
          { class: 'field-changes', 'data-testid': 'changed-fields' },
          h('caption', null, 'Changed fields'),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, `Version ${c.from}`), h('th', { scope: 'col' }, `Version ${c.to}`))),
          h(
            'tbody',
            null,
            c.fields.map((f) =>
              h(
                'tr',
                { 'data-testid': 'changed-field', 'data-field': f.field },
                h('th', { scope: 'row' }, FIELD_LABELS[f.field] ?? f.field),
                h('td', { class: 'old' }, f.oldValue ?? h('span', { class: 'muted' }, '(none)')),
                h('td', { class: 'new' }, f.newValue ?? h('span', { class: 'muted' }, '(none)')),
              ),
            ),
          ),
        )
      : null,
    changedLists(c).map((key) =>
      h(
        'section',
        { class: 'list-change', 'data-testid': 'list-change', 'data-list': key },
        h('h4', null, LIST_LABELS[key]),
        h(
          'ul',
          null,
          c[key].added.map((item) => h('li', { class: 'added', title: 'Added' }, item)),
          c[key].removed.map((item) => h('li', { class: 'removed', title: 'Removed' }, item)),
        ),
      ),
    ),
    c.sections.length > 0 ? h('h4', null, 'Sections') : null,
    c.sections.map((s) => {
      const change = sectionChangeKind(s);
      const move = movedPlaces(s);
      const heading = headingChange(s);
      const notes: Child[] = [];
      if (s.added) notes.push(h('span', { class: 'mark mark--added' }, 'Added'));
      if (s.removed) notes.push(h('span', { class: 'mark mark--removed' }, 'Removed'));
      if (move) notes.push(h('span', { class: 'mark mark--moved', 'data-testid': 'moved-mark' }, `Moved from position ${move.from} to ${move.to}`));
      if (heading) notes.push(h('span', { class: 'mark' }, 'Heading: ', h('del', null, heading.from), ' ', h('ins', null, heading.to)));
      return h(
        'section',
        { class: `section-diff section-diff--${change}`, 'data-testid': 'section-diff', 'data-section': s.key, 'data-change': change },
        h('h5', null, s.newHeading ?? s.oldHeading ?? s.key, ' ', h('code', { class: 'muted' }, s.key)),
        notes.length > 0 ? h('p', { class: 'marks' }, notes) : null,
        s.bodyDiff.length > 0
          ? h(
              'div',
              { class: 'diff-columns', 'aria-label': 'Changes to the body (Markdown), side by side' },
              bodySide(s.bodyDiff, 'old', `Version ${c.from}`, s.added),
              bodySide(s.bodyDiff, 'new', `Version ${c.to}`, s.removed),
            )
          : h('p', { class: 'muted' }, 'The body did not change.'),
      );
    }),
  );
}

/** One column of a body's word diff (the shared diffSide), what only this side has marked as deleted or inserted. */
function bodySide(diff: Comparison['sections'][number]['bodyDiff'], side: 'old' | 'new', label: string, absent: boolean): HTMLElement {
  const mark = side === 'old' ? 'del' : 'ins';
  return h(
    'div',
    { class: `diff diff--${side}` },
    h('p', { class: 'diff__label' }, label),
    absent
      ? h('p', { class: 'muted' }, '(not in this version)')
      : h('div', { class: 'diff__body' }, diffSide(diff, side).map((piece) => (piece.marked ? h(mark, null, piece.text) : piece.text))),
  );
}

export const editorPage: Page = {
  async mount({ main, route, signal }) {
    document.title = 'Editor — Event archive';
    const view = new EditorView(main, signal, route.url.searchParams.get('article'));
    await view.start();
  },
};
