import './style.css';
import { h, replace } from './dom';
import { editorPage } from './pages/editor';
import { eventPage } from './pages/event';
import { indexPage } from './pages/index';
import { previewPage } from './pages/preview';
import { match, start, type Page, type RouteName } from './router';

const missingPage: Page = {
  mount({ main }) {
    document.title = 'Page not found — Event archive';
    replace(
      main,
      h(
        'div',
        { class: 'not-found', 'data-testid': 'not-found' },
        h('h1', null, 'Page not found'),
        h('p', null, 'There is no page at this address. ', h('a', { href: '/' }, 'See all events'), '.'),
      ),
    );
  },
};

const pages: Record<RouteName, Page> = {
  index: indexPage,
  event: eventPage,
  preview: previewPage,
  editor: editorPage,
  missing: missingPage,
};

const main = document.getElementById('main') as HTMLElement;
let current: { name: RouteName; path: string; controller: AbortController } | null = null;

function markNavigation(name: RouteName): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    const active = link.dataset.nav === name || (name === 'event' && link.dataset.nav === 'index');
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function render(url: URL): void {
  const route = match(url);
  const page = pages[route.name];
  // The same page at a new query string (filters, paging, search) updates in place and keeps focus.
  if (current && current.name === route.name && current.path === url.pathname && page.update) {
    // The page's signal stays: the page cancels superseded loads of its own parts.
    void page.update({ main, route, signal: current.controller.signal });
    return;
  }
  const isFirst = current === null;
  current?.controller.abort();
  current = { name: route.name, path: url.pathname, controller: new AbortController() };
  markNavigation(route.name);
  main.replaceChildren();
  main.dataset.page = route.name;
  void page.mount({ main, route, signal: current.controller.signal });
  if (!isFirst) {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }
}

start(render);
