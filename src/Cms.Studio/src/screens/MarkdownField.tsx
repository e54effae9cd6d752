import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Button, Tab, TabList, TabPanel, Tabs, Toolbar } from 'react-aria-components';
import { useQuery } from 'urql';
import { IconLabel } from '../app/SortableList';
import { strings } from '../app/strings';
import { StudioMarkdownPreviewDocument as PreviewQuery } from '../gql/graphql';
import type { MarkdownEditor } from './markdownEditor';

const m = strings.markdown;

// CodeMirror's chunk, loaded by the first field that makes an editor.
const loadEditor = () => import('./markdownEditor');

export type MarkdownAction = 'bold' | 'italic' | 'heading' | 'link' | 'bullets' | 'numbers' | 'quote';

const actions: { id: MarkdownAction; label: string; shortcut?: string; glyph: string }[] = [
  { id: 'bold', label: m.bold, shortcut: 'Ctrl+B', glyph: 'B' },
  { id: 'italic', label: m.italic, shortcut: 'Ctrl+I', glyph: 'I' },
  { id: 'heading', label: m.heading, glyph: 'H' },
  { id: 'link', label: m.link, shortcut: 'Ctrl+K', glyph: '🔗' },
  { id: 'bullets', label: m.bullets, glyph: '•' },
  { id: 'numbers', label: m.numbers, glyph: '1.' },
  { id: 'quote', label: m.quote, glyph: '❝' },
];

/**
 * A section body: CodeMirror 6 with Markdown highlighting, undo history and the usual keys (Tab is left to move focus,
 * so the editor never traps the keyboard), a toolbar, and a preview that the server renders with the code that renders
 * bodyHtml for readers.
 */
export function MarkdownField({ label, value, onChange, readOnly }: { label: string; value: string; onChange: (value: string) => void; readOnly?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<MarkdownEditor | null>(null);
  // Read by the editor when it is made and when it changes the text: the props of that moment, without remaking it.
  const settings = useEffectEvent(() => ({ value, label, readOnly: Boolean(readOnly) }));
  const edited = useEffectEvent((text: string) => onChange(text));
  const [tab, setTab] = useState<string>('write');

  useEffect(() => {
    const element = host.current;
    if (!element) {
      return undefined;
    }
    // Each editor is made in a task of its own, with CodeMirror's code loaded the first time: an article's editors made
    // together (each measures the page) were one long task that kept a slow phone from answering while the form appeared.
    let editor: MarkdownEditor | null = null;
    let ended = false;
    const timer = window.setTimeout(() => {
      void loadEditor().then(({ createMarkdownEditor }) => {
        if (ended) {
          return;
        }
        editor = createMarkdownEditor(element, { ...settings(), onChange: (text) => edited(text) });
        view.current = editor;
      });
    }, 0);
    return () => {
      ended = true;
      window.clearTimeout(timer);
      editor?.destroy();
      view.current = null;
    };
    // The editor is made once; later values arrive through the effect below.
  }, []);

  // A value set from outside (another version loaded, edits carried over) replaces the text; typing does not come back here.
  useEffect(() => {
    view.current?.setValue(value);
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
                <Button key={action.id} className={`tool tool-${action.id}`} onPress={() => view.current?.run(action.id)}>
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
