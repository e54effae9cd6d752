// The event page, /events/<slug>: the published version of one article.
import { errorsOf, isAbort, query } from '../api';
import { renderArticle } from '../article';
import { ErrorBox, h, replace } from '../dom';
import { EventBySlugDocument } from '../generated/graphql';
import { setUrlQuietly, type Page } from '../router';

export function notFound(title: string, text: string): HTMLElement {
  return h('div', { class: 'not-found', 'data-testid': 'not-found' }, h('h1', null, title), h('p', null, text, ' ', h('a', { href: '/' }, 'See all events'), '.'));
}

export const eventPage: Page = {
  async mount({ main, route, signal }) {
    const slug = route.params.slug ?? '';
    const errorHost = h('div', { class: 'error-host' });
    const content = h('div', { class: 'page page--event', 'data-state': 'loading' }, h('p', { class: 'status-line', role: 'status' }, 'Loading…'));
    replace(main, errorHost, content);
    document.title = 'Loading… — Event archive';
    try {
      const data = await query(EventBySlugDocument, { slug }, { signal });
      const article = data.article;
      if (!article) {
        document.title = 'Event not found — Event archive';
        replace(content, notFound('Event not found', `No published event has the address “${slug}”.`));
        content.dataset.state = 'not-found';
        return;
      }
      // An old slug still finds its article; move the address bar to the current one.
      if (article.redirectedFrom && article.slug !== slug) setUrlQuietly(`/events/${encodeURIComponent(article.slug)}`);
      document.title = `${article.title} — Event archive`;
      replace(content, h('p', { class: 'back' }, h('a', { href: '/' }, '← All events')), renderArticle(article, { headingLevel: 1 }));
      content.dataset.state = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      document.title = 'Error — Event archive';
      replace(content, h('h1', null, 'This event could not be loaded'));
      content.dataset.state = 'error';
      new ErrorBox(errorHost).set('event', 'The CMS refused or failed the request.', errorsOf(error));
    }
  },
};
