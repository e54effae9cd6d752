import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Toolbar } from 'react-aria-components';
import { useQuery } from 'urql';
import { IconLabel } from '../app/SortableList';
import { strings } from '../app/strings';
import { StudioMarkdownPreviewDocument as PreviewQuery } from '../gql/graphql';
import type { MarkdownEditor } from './markdownEditor';

const m = strings.markdown;

// CodeMirror's chunk, loaded by the first field that makes an editor.
const loadEditor = () => import('./markdownEditor');

type Mode = 'write' | 'preview';
const modes: Mode[] = ['write', 'preview'];

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
  // What the editor has reported and the form has not yet handed back: typing can run ahead of React's renders, so a
  // value that comes back may be an older echo of typing, which must not replace newer text.
  const echoes = useRef<string[]>([]);
  const edited = useEffectEvent((text: string) => {
    echoes.current.push(text);
    onChange(text);
  });
  const [tab, setTab] = useState<Mode>('write');
  const id = useId();
  const tabRefs = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});

  useEffect(() => {
    const element = host.current;
    if (!element) {
      return undefined;
    }
    // Each editor is made in a task of its own, with CodeMirror's code loaded the first time: an article's editors made
    // together (each measures the page) were one long task that kept a slow phone from answering while the form appeared.
    let editor: MarkdownEditor | null = null;
    let ended = false;
    // (The chunk's evaluation is a task of its own too: the editor is made in the task after it, not in its microtask.)
    let made = 0;
    const timer = window.setTimeout(() => {
      void loadEditor().then(({ createMarkdownEditor }) => {
        made = window.setTimeout(() => {
          if (ended) {
            return;
          }
          editor = createMarkdownEditor(element, { ...settings(), onChange: (text) => edited(text) });
          view.current = editor;
        }, 0);
      });
    }, 0);
    return () => {
      ended = true;
      window.clearTimeout(timer);
      window.clearTimeout(made);
      editor?.destroy();
      view.current = null;
    };
    // The editor is made once; later values arrive through the effect below.
  }, []);

  // A value set from outside (another version loaded, edits carried over) replaces the text; typing's own echoes do not.
  useEffect(() => {
    const echo = echoes.current.indexOf(value);
    if (echo >= 0) {
      echoes.current.splice(0, echo + 1);
      return;
    }
    echoes.current = [];
    view.current?.setValue(value);
  }, [value]);

  // Arrow keys, Home and End move between the tabs and select the one they reach (automatic activation).
  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const index = modes.indexOf(tab);
    const next =
      event.key === 'ArrowRight' ? modes[(index + 1) % modes.length] : event.key === 'ArrowLeft' ? modes[(index + modes.length - 1) % modes.length] : event.key === 'Home' ? modes[0] : event.key === 'End' ? modes[modes.length - 1] : null;
    if (next) {
      event.preventDefault();
      setTab(next);
      tabRefs.current[next]?.focus();
    }
  }

  const [preview] = useQuery({ query: PreviewQuery, variables: { markdown: value }, pause: tab !== 'preview' || value.trim() === '' });

  return (
    <div className="field markdown-field">
      <span className="label" aria-hidden="true">
        {label}
      </span>
      <div className="markdown-bar">
        {/* The WAI-ARIA tabs pattern by hand: React Aria's TabPanel looks for a tab stop inside itself after every render and
            on every change inside it (CodeMirror changes on each keystroke), each look a style recalculation of the page. */}
        <div role="tablist" aria-label={m.modes} className="markdown-tabs" onKeyDown={onTabKey}>
          {modes.map((mode) => (
            <button
              key={mode}
              ref={(element) => {
                tabRefs.current[mode] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-${mode}-tab`}
              aria-controls={`${id}-${mode}`}
              aria-selected={tab === mode}
              data-selected={tab === mode || undefined}
              tabIndex={tab === mode ? 0 : -1}
              onClick={() => setTab(mode)}
            >
              {mode === 'write' ? m.write : m.preview}
            </button>
          ))}
        </div>
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
      {/* The editor stays while the preview shows, so its text, selection and undo history are kept. */}
      <div role="tabpanel" id={`${id}-write`} aria-labelledby={`${id}-write-tab`} hidden={tab !== 'write'} className="markdown-write">
        <div ref={host} className="markdown-editor" data-testid="markdown-editor" />
      </div>
      {tab === 'preview' && (
        <div role="tabpanel" id={`${id}-preview`} aria-labelledby={`${id}-preview-tab`} tabIndex={0} className="markdown-preview">
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
        </div>
      )}
      <p className="hint">{m.hint}</p>
    </div>
  );
}
