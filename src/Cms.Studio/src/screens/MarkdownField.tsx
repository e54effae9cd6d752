import { useEffect, useRef, useState } from 'react';
import { Button, Tab, TabList, TabPanel, Tabs, Toolbar } from 'react-aria-components';
import { useQuery } from 'urql';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, defineLanguageFacet, Language, languageDataProp, syntaxHighlighting } from '@codemirror/language';
import { EditorSelection, EditorState, type ChangeSpec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { Autolink, parser, Strikethrough, Subscript, Superscript, Table } from '@lezer/markdown';
import { IconLabel } from '../app/SortableList';
import { strings } from '../app/strings';
import { StudioMarkdownPreviewDocument as PreviewQuery } from '../gql/graphql';

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

const actions: { id: string; label: string; shortcut?: string; glyph: string; run: (view: EditorView) => void }[] = [
  { id: 'bold', label: m.bold, shortcut: 'Ctrl+B', glyph: 'B', run: (view) => wrap(view, '**') },
  { id: 'italic', label: m.italic, shortcut: 'Ctrl+I', glyph: 'I', run: (view) => wrap(view, '*') },
  { id: 'heading', label: m.heading, glyph: 'H', run: (view) => prefixLines(view, () => '### ') },
  { id: 'link', label: m.link, shortcut: 'Ctrl+K', glyph: '🔗', run: link },
  { id: 'bullets', label: m.bullets, glyph: '•', run: (view) => prefixLines(view, () => '- ') },
  { id: 'numbers', label: m.numbers, glyph: '1.', run: (view) => prefixLines(view, (i) => `${i + 1}. `) },
  { id: 'quote', label: m.quote, glyph: '❝', run: (view) => prefixLines(view, () => '> ') },
];

// Looks that follow the studio's form fields; CodeMirror's own stylesheet and this theme live in the editor's shadow
// root (below), as the page's policy allows no style element.
const theme = EditorView.theme({
  '&': { border: '1px solid var(--line, #d5d9e0)', borderRadius: '6px', background: 'var(--paper, #fff)', color: 'inherit', fontSize: '1rem' },
  '&.cm-focused': { outline: '3px solid var(--focus, #c2410c)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', minHeight: '10rem', padding: '0.5rem 0.25rem', lineHeight: '1.5' },
  '.cm-scroller': { maxHeight: '32rem', overflow: 'auto' },
  '.cm-cursor': { borderLeftColor: 'currentColor' },
});

/**
 * A section body: CodeMirror 6 with Markdown highlighting, undo history and the usual keys (Tab is left to move focus,
 * so the editor never traps the keyboard), a toolbar, and a preview that the server renders with the code that renders
 * bodyHtml for readers.
 */
export function MarkdownField({ label, value, onChange, readOnly }: { label: string; value: string; onChange: (value: string) => void; readOnly?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const valueRef = useRef(value);
  valueRef.current = value;
  const [tab, setTab] = useState<string>('write');

  useEffect(() => {
    const element = host.current;
    if (!element) {
      return undefined;
    }
    // Each editor is made in a task of its own: an article's editors made together (each measures the page) were one
    // long task that kept a slow phone from answering while the form appeared.
    let editor: EditorView | null = null;
    const timer = window.setTimeout(() => {
      editor = createEditor(element);
      view.current = editor;
    }, 0);
    return () => {
      window.clearTimeout(timer);
      editor?.destroy();
      view.current = null;
    };
    // The editor is made once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function createEditor(element: HTMLDivElement): EditorView {
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
    return new EditorView({
      root,
      parent,
      state: EditorState.create({
        doc: valueRef.current,
        extensions: [
          history(),
          shortcuts,
          markdownLanguage,
          syntaxHighlighting(defaultHighlightStyle),
          EditorView.lineWrapping,
          theme,
          EditorState.readOnly.of(Boolean(readOnly)),
          // Ids do not reach into a shadow root, so the text box is named by aria-label, not by the visible label's id.
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', spellcheck: 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              onChangeRef.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
  }

  // A value set from outside (another version loaded, edits carried over) replaces the text; typing does not come back here.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  const [preview] = useQuery({ query: PreviewQuery, variables: { markdown: value }, pause: tab !== 'preview' || value.trim() === '' });

  return (
    <div className="field markdown-field">
      <span className="label" aria-hidden="true">
        {label}
      </span>
      <Tabs selectedKey={tab} onSelectionChange={(key) => setTab(String(key))}>
        <div className="markdown-bar">
          <TabList aria-label={m.modes} className="markdown-tabs">
            <Tab id="write">{m.write}</Tab>
            <Tab id="preview">{m.preview}</Tab>
          </TabList>
          {tab === 'write' && !readOnly && (
            <Toolbar aria-label={m.toolbar} className="markdown-toolbar">
              {actions.map((action) => (
                // Named by hidden text, not aria-label, so the name is what the button says (to axe and to voice control).
                <Button key={action.id} className={`tool tool-${action.id}`} onPress={() => view.current && action.run(view.current)}>
                  <IconLabel glyph={action.glyph} label={action.shortcut ? `${action.label} (${action.shortcut})` : action.label} />
                </Button>
              ))}
            </Toolbar>
          )}
        </div>
        <TabPanel id="write" shouldForceMount className="markdown-write">
          <div ref={host} className="markdown-editor" data-testid="markdown-editor" />
        </TabPanel>
        <TabPanel id="preview" className="markdown-preview">
          {value.trim() === '' ? (
            <p className="hint">{m.empty}</p>
          ) : preview.fetching && !preview.data ? (
            <p className="hint">{m.rendering}</p>
          ) : preview.error ? (
            <p role="alert" className="problem">
              {preview.error.graphQLErrors[0]?.message ?? preview.error.message}
            </p>
          ) : (
            // The server's HTML is sanitized exactly as delivery's bodyHtml: no scripts, handlers or javascript: links.
            <div className="prose" data-testid="markdown-preview" dangerouslySetInnerHTML={{ __html: preview.data?.markdownPreview ?? '' }} />
          )}
        </TabPanel>
      </Tabs>
      <p className="hint">{m.hint}</p>
    </div>
  );
}
