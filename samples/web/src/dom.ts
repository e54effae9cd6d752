// Small DOM helpers. Text always goes in as text (textContent), so nothing the API returns is parsed as HTML,
// except through `html()`, used only for the server-sanitized fields (Section.bodyHtml, SearchResult.snippet).
import type { GraphQLErrorItem } from './api';

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child as readonly Child[]);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** An element whose content is HTML the CMS has already sanitized. */
export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null, trustedHtml: string): HTMLElementTagNameMap[K] {
  const element = h(tag, attrs);
  element.innerHTML = trustedHtml;
  return element;
}

/** A moment as the reader's locale writes it, in a <time> element. */
export function dateTime(iso: string | null | undefined): Child {
  if (!iso) return null;
  const date = new Date(iso);
  return h('time', { datetime: iso }, Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
}

/**
 * The page's one error box, `[data-testid=error]`, present only while there is something to show. Each part of
 * a page reports under its own key, so one part's success does not hide another's failure.
 */
export class ErrorBox {
  private readonly groups = new Map<string, { title: string; errors: GraphQLErrorItem[] }>();
  private element: HTMLElement | null = null;

  constructor(private readonly host: HTMLElement) {}

  set(key: string, title: string, errors: GraphQLErrorItem[]): void {
    if (errors.length === 0) this.groups.delete(key);
    else this.groups.set(key, { title, errors });
    this.render();
  }

  clear(key?: string): void {
    if (key === undefined) this.groups.clear();
    else this.groups.delete(key);
    this.render();
  }

  private render(): void {
    if (this.groups.size === 0) {
      this.element?.remove();
      this.element = null;
      return;
    }
    const content = [...this.groups.values()].map(({ title, errors }) => [
      h('p', { class: 'error-box__title' }, title),
      h(
        'ul',
        null,
        errors.map((e) =>
          h(
            'li',
            { 'data-code': e.extensions?.code ?? null },
            h('span', { class: 'error-box__message' }, e.message),
            e.extensions?.code ? [' ', h('code', { class: 'error-box__code' }, e.extensions.code)] : null,
          ),
        ),
      ),
    ]);
    if (!this.element) {
      this.element = h('div', { class: 'error-box', role: 'alert', 'data-testid': 'error' });
      this.host.prepend(this.element);
    }
    replace(this.element, content);
  }
}
