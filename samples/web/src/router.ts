// History-API routing: /, /events/<slug>, /preview, /editor. Links inside the site are followed without a
// page load; everything else (the API, media, other sites) is left to the browser.

export type RouteName = 'index' | 'event' | 'preview' | 'editor' | 'missing';

export interface Route {
  name: RouteName;
  url: URL;
  params: Record<string, string>;
}

export interface PageContext {
  main: HTMLElement;
  route: Route;
  /** Aborted when the reader leaves the page (or the page re-renders for a new URL). */
  signal: AbortSignal;
}

/** A page: `mount` renders it into <main>; `update`, when given, applies a new URL on the same page in place. */
export interface Page {
  mount(context: PageContext): void | Promise<void>;
  update?(context: PageContext): void | Promise<void>;
}

export function match(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'index', url, params: {} };
  if (path === '/preview') return { name: 'preview', url, params: {} };
  if (path === '/editor') return { name: 'editor', url, params: {} };
  const event = /^\/events\/([^/]+)$/.exec(path);
  if (event?.[1]) {
    let slug = event[1];
    try {
      slug = decodeURIComponent(slug);
    } catch {
      /* keep it as written */
    }
    return { name: 'event', url, params: { slug } };
  }
  return { name: 'missing', url, params: {} };
}

type Listener = (url: URL) => void;
let listener: Listener | null = null;

/** Goes to a URL of this site: pushes (or replaces) a history entry and renders it. */
export function navigate(to: string | URL, { replace = false } = {}): void {
  const url = new URL(to, window.location.href);
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listener?.(url);
}

/** Changes the address bar without rendering (the page already shows what the URL says). */
export function setUrlQuietly(to: string | URL): void {
  window.history.replaceState(null, '', new URL(to, window.location.href));
}

const appPath = (url: URL) => match(url).name !== 'missing';

export function start(onChange: Listener): void {
  listener = onChange;
  window.addEventListener('popstate', () => onChange(new URL(window.location.href)));
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || !appPath(url)) return;
    event.preventDefault();
    if (url.href === window.location.href && !url.hash) return;
    navigate(url);
  });
  onChange(new URL(window.location.href));
}
