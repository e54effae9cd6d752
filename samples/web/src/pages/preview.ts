// The preview page, /preview?article=<slug or id>&token=<preview token>: an article's draft (or the version
// the token names), read with the token in the X-Preview-Token header and shown with the event page's renderer.
import { errorsOf, isAbort, query } from '../api';
import { renderArticle } from '../article';
import { ErrorBox, h, replace } from '../dom';
import { PreviewArticleDocument, type PreviewArticleQueryVariables } from '../generated/graphql';
import { navigate, type Page } from '../router';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug (lowercase letters, digits, hyphens) is looked up as a slug; anything else as a global id. */
function lookup(article: string): PreviewArticleQueryVariables {
  return SLUG.test(article) ? { slug: article } : { id: article };
}

export const previewPage: Page = {
  async mount({ main, route, signal }) {
    const params = route.url.searchParams;
    const article = (params.get('article') ?? '').trim();
    const token = (params.get('token') ?? '').trim();
    document.title = 'Preview — Event archive';

    const tokenInput = h('input', { id: 'preview-token', name: 'token', type: 'text', required: true, autocomplete: 'off', spellcheck: 'false', value: token, 'aria-describedby': 'preview-token-help' });
    const articleInput = h('input', { id: 'preview-article', name: 'article', type: 'text', required: true, autocomplete: 'off', spellcheck: 'false', value: article, 'aria-describedby': 'preview-article-help' });
    const form = h(
      'form',
      { class: 'preview-form box', 'data-testid': 'preview-form', 'aria-labelledby': 'preview-heading' },
      // The article's title is the page's h1 once a preview is shown.
      h(article && token ? 'h2' : 'h1', { id: 'preview-heading' }, 'Preview a draft'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'preview-article' }, 'Article (slug or id)'),
        articleInput,
        h('p', { id: 'preview-article-help', class: 'hint' }, 'The article’s slug, such as battle-of-leyte-gulf, or its global id.'),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'preview-token' }, 'Preview token'),
        tokenInput,
        h('p', { id: 'preview-token-help', class: 'hint' }, 'A token from the createPreviewToken mutation (it starts with cmsp_). It is sent as the X-Preview-Token header.'),
      ),
      h('div', { class: 'field field--actions' }, h('button', { type: 'submit', 'data-testid': 'show-preview' }, 'Show preview')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new URL('/preview', window.location.href);
      url.searchParams.set('article', articleInput.value.trim());
      url.searchParams.set('token', tokenInput.value.trim());
      navigate(url);
    });

    const errorHost = h('div', { class: 'error-host' });
    const result = h('div', { class: 'preview-result', 'data-state': 'idle' });
    replace(main, h('div', { class: 'page page--preview' }, result, errorHost, form));
    if (!article || !token) return;

    const errors = new ErrorBox(errorHost);
    result.dataset.state = 'loading';
    replace(result, h('p', { class: 'status-line', role: 'status' }, 'Loading the preview…'));
    try {
      const data = await query(PreviewArticleDocument, lookup(article), { previewToken: token, signal });
      if (!data.article) {
        replace(result, h('h1', null, 'Nothing to preview'));
        result.dataset.state = 'not-found';
        errors.set('preview', 'Nothing to preview.', [{ message: `No article was found for “${article}”. Check the slug or id; the token shows only its own article.`, extensions: { code: 'NOT_FOUND' } }]);
        return;
      }
      const a = data.article;
      document.title = `Preview: ${a.title} — Event archive`;
      const banner = h(
        'div',
        { class: 'preview-banner', role: 'note', 'data-testid': 'preview-banner', 'data-version': a.version.number },
        h('strong', null, 'Preview of a draft.'),
        ' ',
        `You are looking at version ${a.version.number} of this article as the preview token shows it, which readers may not see yet.`,
      );
      replace(result, renderArticle(a, { headingLevel: 1, banner }));
      result.dataset.state = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      replace(result, h('h1', null, 'The preview failed'));
      result.dataset.state = 'error';
      const errs = errorsOf(error);
      const title = errs.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
        ? 'The preview token was refused: it may have expired, been revoked, or be mistyped.'
        : 'The preview could not be loaded.';
      errors.set('preview', title, errs);
    }
  },
};
