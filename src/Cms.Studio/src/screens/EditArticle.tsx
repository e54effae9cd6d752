import { lazy, Suspense, useEffect, useEffectEvent, useMemo, useRef, useState, useTransition } from 'react';
import { Button } from 'react-aria-components';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Link } from 'wouter';
import { hasRole, useCaller } from '../app/caller';
import { ChoiceField } from '../app/ChoiceField';
import { displayOf } from '../app/dateDisplay';
import { ErrorList, payloadOf, type UserErrorData } from '../app/errors';
import { TextInput } from '../app/fields';
import { formatActor, formatDateTime, formatTime } from '../app/format';
import { strings } from '../app/strings';
import { MediaField } from '../media/MediaField';
import { IconLabel, MoveButtons, movedTo, SortableList } from '../app/SortableList';
import { useStages } from '../app/useStages';
import { carriedOver, datePartsOf, draftOf, inputOf, newUid, sameDraft, type ArticleData, type ArticleDraft } from './articleForm';
import { MarkdownField } from './MarkdownField';
import { PublishPanel } from './PublishPanel';
import { SlugField } from './SlugField';
import { TagsField } from './TagsField';
import { usePresence } from './usePresence';
import { StudioArticleChangesDocument as ChangesSubscription, StudioArticleDocument as ArticleQuery, StudioCompareDocument as CompareQuery, StudioUpdateArticleDocument as UpdateMutation } from '../gql/graphql';

const e = strings.editor;

// Needed only when another save conflicts with this editor's: loaded then (History shares the chunk).
const ComparisonView = lazy(() => import('./ComparisonView').then((module) => ({ default: module.ComparisonView })));

export default function EditArticle({ id }: { id: string }) {
  const [result, refetch] = useQuery({ query: ArticleQuery, variables: { id }, requestPolicy: 'network-only' });
  const [saving, update] = useMutation(UpdateMutation);
  const [base, setBase] = useState<ArticleData | null>(null);
  const [draft, setDraft] = useState<ArticleDraft | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const [errors, setErrors] = useState<UserErrorData[]>([]);
  const [missingAltText, setMissingAltText] = useState<string[]>([]);
  const [live, setLive] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const caller = useCaller();
  const canSave = hasRole(caller, 'EDITOR');
  const others = usePresence(id, canSave);
  const keepEdits = useRef<{ mine: ArticleDraft; startedFrom: ArticleDraft } | null>(null);

  // The article as loaded becomes the base; after "keep my edits" the newer version is the base and the edits stay.
  const loaded = result.data?.article ?? null;
  // A reload of the same version (after a publish, say) refreshes what is shown around the form, never the form.
  const [, startFirstRender] = useTransition();
  useEffect(() => {
    if (loaded && !base) {
      // The whole form at once is a large render; as a transition React renders it in slices between the browser's
      // frames instead of one long task (a slow phone stays responsive while the editor appears).
      startFirstRender(() => {
        setBase(loaded);
        setDraft(draftOf(loaded));
      });
    } else if (loaded && loaded.version.number !== base?.version.number) {
      setBase(loaded);
      const kept = keepEdits.current;
      setDraft(kept ? carriedOver(kept.mine, kept.startedFrom, draftOf(loaded)) : draftOf(loaded));
      keepEdits.current = null;
    } else if (loaded && loaded !== base) {
      setBase(loaded);
    }
  }, [loaded, base]);

  // The top of the form first; key facts and tags, then the sections one by one (each with its Markdown editor), then
  // media, places and sources, each part committed in a task of its own (on a slow phone a commit of the three sections
  // of an article together was a 250 ms task).
  const afterSections = 2 + Math.max(1, base?.sections.length ?? 0);
  const stage = useStages(afterSections + 3, base !== null);

  const baseDraft = useMemo(() => (base ? draftOf(base) : null), [base]);
  const dirty = Boolean(baseDraft && draft && !sameDraft(draft, baseDraft));

  // Live notices: another person's save is announced at once; with no unsaved edits here, the newer version loads.
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  });
  const baseVersion = useRef(0);
  useEffect(() => {
    baseVersion.current = base?.version.number ?? 0;
  });
  useSubscription({ query: ChangesSubscription, variables: { id } }, (_, event) => {
    const change = event.articleChanged;
    const byMe = formatActor(change.actor) === formatActor(caller.name);
    if (change.type === 'UPDATED' && change.version && change.version > baseVersion.current && !byMe) {
      if (dirtyRef.current) {
        setLive(e.liveSavedKeep(change.version, formatActor(change.actor)));
        setConflict(change.version);
      } else {
        setLive(e.liveSavedLoaded(change.version, formatActor(change.actor)));
        refetch({ requestPolicy: 'network-only' });
      }
    } else if (!byMe && change.type !== 'UPDATED') {
      setLive(e.liveOther(strings.changeTypes[change.type] ?? change.type, formatActor(change.actor)));
      refetch({ requestPolicy: 'network-only' });
    }
    return event;
  });

  // On a conflict, what the other save changed: the version this editor started from against the newer one.
  const [otherChanges] = useQuery({
    query: CompareQuery,
    variables: { id, from: base?.version.number ?? 0, to: conflict ?? 0 },
    pause: conflict === null || !base,
  });

  // Leaving the page (closing the tab, reloading) with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  async function save() {
    if (!base || !draft || saving.fetching || !canSave) {
      return;
    }
    if (!dirty) {
      setNotice(e.noChanges);
      return;
    }
    setNotice(null);
    setErrors([]);
    const { payload, errors: found } = payloadOf(
      await update({ input: inputOf(base.id, base.version.number, draft, changeNote) }),
      'updateArticle',
    );
    const conflictError = found.find((x) => x.__typename === 'VersionConflictError');
    if (conflictError?.currentVersion) {
      setConflict(conflictError.currentVersion);
      return;
    }
    if (found.length > 0 || !payload?.article) {
      setErrors(found);
      return;
    }
    setConflict(null);
    setChangeNote('');
    setBase(payload.article);
    setDraft(draftOf(payload.article));
    setNotice(e.saved(payload.article.version.number));
  }

  // Ctrl+S (Cmd+S) saves from anywhere in the editor.
  const saveFromShortcut = useEffectEvent(() => void save());
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveFromShortcut();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if ((result.fetching || loaded) && !base) {
    return <p className="summary">{e.loading}</p>;
  }
  if (!base || !draft) {
    return (
      <p role="alert" className="problem">
        {result.error?.message ?? e.notFound}
      </p>
    );
  }

  // A functional update: \`set\` stays the same function from render to render, so React Compiler keeps every field's
  // callbacks and a keystroke re-renders only the field whose value changed.
  const set = (next: Partial<ArticleDraft>) => setDraft((current) => (current ? { ...current, ...next } : current));
  const dateParts = datePartsOf(draft);
  const errorAt = (field: string) => errors.find((x) => x.field === field || x.field?.startsWith(field + '.'))?.message ?? null;
  const otherErrors = errors.filter((x) => !x.field || !['title', 'summary', 'historicalDate'].some((f) => x.field === f || x.field!.startsWith(f + '.')));

  return (
    <section aria-labelledby="editor-title" className="screen editor">
      <p>
        <Link
          href="/articles"
          onClick={(event) => {
            if (dirty && !window.confirm(e.leave)) {
              event.preventDefault();
            }
          }}
        >
          ← {e.back}
        </Link>
      </p>
      <h1 id="editor-title">{draft.title || base.title}</h1>
      <p className="presence" role="status" aria-live="polite" data-testid="presence">
        {others.length > 0 && e.alsoOpen(others.map((o) => e.openedBy(formatActor(o.actor), formatTime(o.openedAt))))}
      </p>
      <p className="live" role="status" aria-live="polite" data-testid="live-notice">
        {live}
      </p>
      <p className="meta">
        {e.versionLine(base.version.number, formatActor(base.version.author), formatDateTime(base.version.createdAt))} {e.publishedLine(base.publishedVersionNumber)}{' '}
        <Link href={`/articles/${encodeURIComponent(base.id)}/history`}>{e.history}</Link>
      </p>
      <SlugField id={base.id} slug={base.slug} onChanged={(slug) => setBase({ ...base, slug })} />

      {conflict !== null && (
        <div role="alert" className="conflict">
          <p>{e.conflict(conflict)}</p>
          {otherChanges.data?.compareArticleVersions && (
            <>
              <h2>{e.theirChanges(conflict)}</h2>
              <Suspense fallback={<p className="hint">{e.loading}</p>}>
                <ComparisonView comparison={otherChanges.data.compareArticleVersions} />
              </Suspense>
            </>
          )}
          <Button
            className="button primary"
            onPress={() => {
              keepEdits.current = { mine: draft, startedFrom: baseDraft ?? draftOf(base) };
              setConflict(null);
              refetch({ requestPolicy: 'network-only' });
            }}
          >
            {e.takeNewer}
          </Button>
        </div>
      )}
      <ErrorList errors={otherErrors} />

      <div className="editor-layout">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextInput label={e.title} value={draft.title} onChange={(title) => set({ title })} error={errorAt('title')} />
        <TextInput label={e.summary} value={draft.summary} onChange={(summary) => set({ summary })} multiline rows={3} error={errorAt('summary')} />

        <fieldset>
          <legend>{e.date}</legend>
          <div className="row">
            <ChoiceField label={e.precision} options={e.precisions} selected={draft.precision} onChange={(precision) => set({ precision })} />
            <TextInput label={e.year} value={draft.start.year} onChange={(year) => set({ start: { ...draft.start, year } })} inputMode="numeric" className="narrow" />
            <TextInput label={e.month} value={draft.start.month} onChange={(month) => set({ start: { ...draft.start, month } })} inputMode="numeric" className="narrow" />
            <TextInput label={e.day} value={draft.start.day} onChange={(day) => set({ start: { ...draft.start, day } })} inputMode="numeric" className="narrow" />
          </div>
          <p className="hint">{e.yearHint}</p>
          <div className="row" role="group" aria-label={e.endGroup}>
            <TextInput label={e.endYear} value={draft.end.year} onChange={(year) => set({ end: { ...draft.end, year } })} inputMode="numeric" className="narrow" />
            <TextInput label={e.endMonth} value={draft.end.month} onChange={(month) => set({ end: { ...draft.end, month } })} inputMode="numeric" className="narrow" />
            <TextInput label={e.endDay} value={draft.end.day} onChange={(day) => set({ end: { ...draft.end, day } })} inputMode="numeric" className="narrow" />
          </div>
          <p className="hint">{e.endHint}</p>
          <TextInput label={e.label} value={draft.label} onChange={(label) => set({ label })} hint={e.labelHint} error={errorAt('historicalDate')} />
          <p className="date-preview" aria-live="polite" data-testid="date-display">
            {e.displayed(dateParts ? displayOf(draft.precision, draft.label, dateParts.start, dateParts.end) : base.historicalDate.display)}
          </p>
        </fieldset>

        {stage >= 2 && (
          <>
            <TagsField value={draft.tags} onChange={(tags) => set({ tags })} />
            <fieldset>
              <legend>{e.keyFacts}</legend>
              <p className="hint">{e.keyFactsHint}</p>
              <SortableList items={draft.keyFacts} idOf={(fact) => fact.uid} nameOf={(i) => e.keyFact(i + 1).toLowerCase()} onReorder={(keyFacts) => set({ keyFacts })}>
                {(fact, index, handle) => (
                  <div className="item row" role="group" aria-label={e.keyFact(index + 1)}>
                    {handle}
                    <TextInput
                      label={e.keyFact(index + 1)}
                      value={fact.text}
                      className="grow"
                      onChange={(text) => set({ keyFacts: draft.keyFacts.map((f, i) => (i === index ? { ...f, text } : f)) })}
                    />
                    <div className="item-actions compact">
                      <MoveButtons
                        compact
                        index={index}
                        count={draft.keyFacts.length}
                        upLabel={e.moveFactUp(index + 1)}
                        downLabel={e.moveFactDown(index + 1)}
                        onMove={(from, to) => set({ keyFacts: movedTo(draft.keyFacts, from, to) })}
                      />
                      <Button className="button secondary icon" onPress={() => set({ keyFacts: draft.keyFacts.filter((_, i) => i !== index) })}>
                        <IconLabel glyph="✕" label={e.remove(e.keyFact(index + 1).toLowerCase())} />
                      </Button>
                    </div>
                  </div>
                )}
              </SortableList>
              <Button className="button secondary" onPress={() => set({ keyFacts: [...draft.keyFacts, { uid: newUid('fact'), text: '' }] })}>
                {e.addKeyFact}
              </Button>
            </fieldset>
          </>
        )}

        {stage >= 3 && (
          <fieldset>
            <legend>{e.sections}</legend>
            <p className="hint">{e.reorderHint}</p>
            <SortableList items={draft.sections} shown={stage >= afterSections ? undefined : stage - 2} idOf={(section) => section.uid} nameOf={(i) => e.section(i + 1).toLowerCase()} onReorder={(sections) => set({ sections })}>
              {(section, index, handle) => (
                <div className="item" role="group" aria-label={e.section(index + 1)}>
                  <div className="row section-head">
                    {handle}
                    <TextInput
                      label={e.heading}
                      value={section.heading}
                      className="grow"
                      onChange={(heading) => set({ sections: draft.sections.map((s, i) => (i === index ? { ...s, heading } : s)) })}
                    />
                  </div>
                  <MarkdownField
                    label={e.body}
                    value={section.body}
                    readOnly={!canSave}
                    onChange={(body) => set({ sections: draft.sections.map((s, i) => (i === index ? { ...s, body } : s)) })}
                  />
                  <div className="item-actions">
                    <MoveButtons
                      index={index}
                      count={draft.sections.length}
                      upLabel={e.moveUp(index + 1)}
                      downLabel={e.moveDown(index + 1)}
                      onMove={(from, to) => set({ sections: movedTo(draft.sections, from, to) })}
                    />
                    <Button className="button secondary" onPress={() => set({ sections: draft.sections.filter((_, i) => i !== index) })}>
                      {e.remove(e.section(index + 1).toLowerCase())}
                    </Button>
                  </div>
                </div>
              )}
            </SortableList>
            <Button className="button secondary" onPress={() => set({ sections: [...draft.sections, { uid: newUid('section'), key: null, heading: '', body: '' }] })}>
              {e.addSection}
            </Button>
          </fieldset>
        )}

        {stage >= afterSections + 1 && <MediaField media={draft.media} onChange={(media) => set({ media })} missingAltText={missingAltText} readOnly={!canSave} />}

        {stage >= afterSections + 2 && (
          <fieldset>
            <legend>{e.places}</legend>
            {draft.places.map((place, index) => (
              <div className="item row" key={index} role="group" aria-label={e.place(index + 1)}>
                <TextInput label={e.placeName} value={place.name} onChange={(name) => set({ places: draft.places.map((p, i) => (i === index ? { ...p, name } : p)) })} />
                <TextInput label={e.country} value={place.country} onChange={(country) => set({ places: draft.places.map((p, i) => (i === index ? { ...p, country } : p)) })} />
                <TextInput
                  label={e.latitude}
                  value={place.latitude}
                  inputMode="decimal"
                  className="narrow"
                  onChange={(latitude) => set({ places: draft.places.map((p, i) => (i === index ? { ...p, latitude } : p)) })}
                />
                <TextInput
                  label={e.longitude}
                  value={place.longitude}
                  inputMode="decimal"
                  className="narrow"
                  onChange={(longitude) => set({ places: draft.places.map((p, i) => (i === index ? { ...p, longitude } : p)) })}
                />
                <Button className="button secondary" onPress={() => set({ places: draft.places.filter((_, i) => i !== index) })}>
                  {e.remove(e.place(index + 1).toLowerCase())}
                </Button>
              </div>
            ))}
            <Button className="button secondary" onPress={() => set({ places: [...draft.places, { name: '', country: '', latitude: '', longitude: '' }] })}>
              {e.addPlace}
            </Button>
          </fieldset>
        )}

        {stage >= afterSections + 3 && (
          <fieldset>
            <legend>{e.sources}</legend>
            {draft.sources.map((source, index) => (
              <div className="item row" key={index} role="group" aria-label={e.source(index + 1)}>
                <TextInput label={e.sourceTitle} value={source.title} onChange={(title) => set({ sources: draft.sources.map((s, i) => (i === index ? { ...s, title } : s)) })} />
                <TextInput
                  label={e.publisher}
                  value={source.publisher}
                  onChange={(publisher) => set({ sources: draft.sources.map((s, i) => (i === index ? { ...s, publisher } : s)) })}
                />
                <TextInput label={e.url} value={source.url} inputMode="url" onChange={(url) => set({ sources: draft.sources.map((s, i) => (i === index ? { ...s, url } : s)) })} />
                <TextInput label={e.note} value={source.note} onChange={(note) => set({ sources: draft.sources.map((s, i) => (i === index ? { ...s, note } : s)) })} />
                <Button className="button secondary" onPress={() => set({ sources: draft.sources.filter((_, i) => i !== index) })}>
                  {e.remove(e.source(index + 1).toLowerCase())}
                </Button>
              </div>
            ))}
            <Button className="button secondary" onPress={() => set({ sources: [...draft.sources, { title: '', publisher: '', url: '', note: '' }] })}>
              {e.addSource}
            </Button>
          </fieldset>
        )}

        {canSave ? (
          <div className="save-bar">
            <TextInput label={e.changeNote} value={changeNote} onChange={setChangeNote} hint={e.changeNoteHint} className="grow" />
            <Button type="submit" className="button primary" isDisabled={saving.fetching}>
              {saving.fetching ? e.saving : e.save}
            </Button>
            <p className="hint" aria-live="polite">
              {[notice ?? (dirty ? e.unsaved : null), e.shortcut].filter(Boolean).join(' · ')}
            </p>
          </div>
        ) : (
          <p className="hint" role="note">
            {e.readOnly}
          </p>
        )}
      </form>
      <aside aria-label={e.aside}>
        <PublishPanel article={base} dirty={dirty} onChanged={(state) => setBase({ ...base, ...state })} onAltTextMissing={setMissingAltText} />
      </aside>
      </div>
    </section>
  );
}
