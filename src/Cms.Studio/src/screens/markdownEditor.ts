// CodeMirror 6 for section bodies, in a chunk of its own: the editor's form appears without waiting for it, and each
// Markdown field loads it when it makes its editor. MarkdownField knows only this module's small interface.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, defineLanguageFacet, Language, languageDataProp, syntaxHighlighting } from '@codemirror/language';
import { EditorSelection, EditorState, type ChangeSpec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { Autolink, parser, Strikethrough, Subscript, Superscript, Table } from '@lezer/markdown';
import { strings } from '../app/strings';
import type { MarkdownAction } from './MarkdownField';

// The Markdown the server renders (Markdig with pipe tables, emphasis extras and autolinks), so what is highlighted
// while typing is what will be rendered.
const markdownData = defineLanguageFacet({ commentTokens: {} });
const markdownLanguage = new Language(
  markdownData,
  parser.configure([Table, Strikethrough, Autolink, Subscript, Superscript, { props: [languageDataProp.add({ Document: markdownData })] }]),
  [],
  'markdown',
);

const m = strings.markdown;

/** Wraps each selection in a mark (**bold**); an empty selection gets the pair with the caret between. */
function wrap(view: EditorView, mark: string) {
  view.dispatch(
    view.state.changeByRange((range) => {
      const text = view.state.sliceDoc(range.from, range.to);
      const wrapped = text.startsWith(mark) && text.endsWith(mark) && text.length >= mark.length * 2;
      const insert = wrapped ? text.slice(mark.length, text.length - mark.length) : mark + text + mark;
      const from = range.from;
      return {
        changes: { from, to: range.to, insert },
        range: range.empty ? EditorSelection.cursor(from + mark.length) : EditorSelection.range(from, from + insert.length),
      };
    }),
  );
  view.focus();
}

/** Adds a prefix ("## ", "- ", "> ") at the start of each selected line, or takes it away when every line has it. */
function prefixLines(view: EditorView, prefix: (index: number) => string) {
  const { state } = view;
  const lines = new Set<number>();
  for (const range of state.selection.ranges) {
    for (let line = state.doc.lineAt(range.from).number; line <= state.doc.lineAt(range.to).number; line++) {
      lines.add(line);
    }
  }
  const numbers = [...lines].sort((a, b) => a - b);
  const all = numbers.every((n, i) => state.doc.line(n).text.startsWith(prefix(i)));
  const changes: ChangeSpec[] = numbers.map((n, i) => {
    const line = state.doc.line(n);
    return all ? { from: line.from, to: line.from + prefix(i).length } : { from: line.from, insert: prefix(i) };
  });
  view.dispatch({ changes });
  view.focus();
}

/** [selected text](https://) with the address selected, ready to be typed over. */
function link(view: EditorView) {
  view.dispatch(
    view.state.changeByRange((range) => {
      const label = view.state.sliceDoc(range.from, range.to) || m.linkText;
      const insert = `[${label}](https://)`;
      const addressFrom = range.from + label.length + 3;
      return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.range(addressFrom, addressFrom + 'https://'.length) };
    }),
  );
  view.focus();
}

const run: Record<MarkdownAction, (view: EditorView) => void> = {
  bold: (view) => wrap(view, '**'),
  italic: (view) => wrap(view, '*'),
  heading: (view) => prefixLines(view, () => '### '),
  link,
  bullets: (view) => prefixLines(view, () => '- '),
  numbers: (view) => prefixLines(view, (i) => `${i + 1}. `),
  quote: (view) => prefixLines(view, () => '> '),
};

// Looks that follow the studio's form fields; CodeMirror's own stylesheet and this theme live in the editor's shadow
// root (below), as the page's policy allows no style element.
const theme = EditorView.theme({
  '&': { border: '1px solid var(--line, #d5d9e0)', borderRadius: '6px', background: 'var(--paper, #fff)', color: 'inherit', fontSize: '1rem' },
  '&.cm-focused': { outline: '3px solid var(--focus, #c2410c)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', minHeight: '10rem', padding: '0.5rem 0.25rem', lineHeight: '1.5' },
  '.cm-scroller': { maxHeight: '32rem', overflow: 'auto' },
  '.cm-cursor': { borderLeftColor: 'currentColor' },
});

/** A Markdown editor made in an element: the toolbar's actions, a value set from outside, and its end. */
export interface MarkdownEditor {
  run(action: MarkdownAction): void;
  setValue(value: string): void;
  destroy(): void;
}

export function createMarkdownEditor(
  element: HTMLElement,
  options: { value: string; label: string; readOnly: boolean; onChange: (value: string) => void },
): MarkdownEditor {
  // A shadow root: CodeMirror's styles go to its adopted style sheets, which a strict style-src policy allows.
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  root.replaceChildren(parent);
  const shortcuts = keymap.of([
    { key: 'Mod-b', run: (v) => (wrap(v, '**'), true) },
    { key: 'Mod-i', run: (v) => (wrap(v, '*'), true) },
    { key: 'Mod-k', run: (v) => (link(v), true) },
    ...historyKeymap,
    ...defaultKeymap,
  ]);
  const view = new EditorView({
    root,
    parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        history(),
        shortcuts,
        markdownLanguage,
        syntaxHighlighting(defaultHighlightStyle),
        EditorView.lineWrapping,
        theme,
        EditorState.readOnly.of(options.readOnly),
        // Ids do not reach into a shadow root, so the text box is named by aria-label, not by the visible label's id.
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-multiline': 'true', spellcheck: 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            options.onChange(update.state.doc.toString());
          }
        }),
      ],
    }),
  });
  return {
    run: (action) => run[action](view),
    setValue(value) {
      if (view.state.doc.toString() !== value) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
      }
    },
    destroy: () => view.destroy(),
  };
}
