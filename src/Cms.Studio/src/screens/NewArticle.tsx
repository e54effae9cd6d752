import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useMutation } from 'urql';
import { Link, useLocation } from 'wouter';
import { hasRole, useCaller } from '../app/caller';
import { ChoiceField } from '../app/ChoiceField';
import { displayOf } from '../app/dateDisplay';
import { ErrorList, payloadOf, type UserErrorData } from '../app/errors';
import { TextInput } from '../app/fields';
import { strings } from '../app/strings';
import { pointOf } from './articleForm';
import { StudioCreateArticleDocument as CreateArticle, type DatePrecision } from '../gql/graphql';

const n = strings.newArticle;
const e = strings.editor;

/** A new article: what version 1 needs (title, summary, when it happened), then the editor for everything else. */
export default function NewArticle() {
  const canCreate = hasRole(useCaller(), 'EDITOR');
  const [, navigate] = useLocation();
  const [, create] = useMutation(CreateArticle);
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [summary, setSummary] = useState('');
  const [precision, setPrecision] = useState<DatePrecision>('YEAR');
  const [year, setYear] = useState('');
  const [month, setMonth] = useState('');
  const [day, setDay] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<UserErrorData[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    const { payload, errors: found } = payloadOf(
      await create({
        input: {
          title: title.trim(),
          slug: slug.trim() || null,
          summary: summary.trim(),
          historicalDate: { precision, label: label.trim() || null, start: pointOf({ year, month, day }) },
          changeNote: n.firstNote,
        },
      }),
      'createArticle',
    );
    setBusy(false);
    setErrors(found);
    if (payload?.article && found.length === 0) {
      navigate(`/articles/${encodeURIComponent(payload.article.id)}`);
    }
  }

  if (!canCreate) {
    return (
      <p role="note" className="hint">
        {n.roleNote}
      </p>
    );
  }

  const errorAt = (field: string) => errors.find((x) => x.field === field || x.field?.startsWith(field + '.'))?.message ?? null;
  const start = pointOf({ year, month, day });
  const preview = year.trim() && Number.isInteger(start.year) ? displayOf(precision, label, start, null) : null;
  return (
    <section aria-labelledby="new-title" className="screen editor">
      <p>
        <Link href="/articles">← {e.back}</Link>
      </p>
      <h1 id="new-title">{n.title}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextInput label={e.title} value={title} onChange={setTitle} error={errorAt('title')} />
        <TextInput label={n.slug} value={slug} onChange={setSlug} hint={n.slugHint} error={errorAt('slug') ?? errors.find((x) => x.__typename === 'SlugTakenError')?.message ?? null} />
        <TextInput label={e.summary} value={summary} onChange={setSummary} multiline rows={3} error={errorAt('summary')} />
        <fieldset>
          <legend>{e.date}</legend>
          <div className="row">
            <ChoiceField label={e.precision} options={e.precisions} selected={precision} onChange={setPrecision} />
            <TextInput label={e.year} value={year} onChange={setYear} inputMode="numeric" className="narrow" error={errorAt('historicalDate.start.year')} />
            <TextInput label={e.month} value={month} onChange={setMonth} inputMode="numeric" className="narrow" />
            <TextInput label={e.day} value={day} onChange={setDay} inputMode="numeric" className="narrow" />
          </div>
          <p className="hint">{e.yearHint}</p>
          <TextInput label={e.label} value={label} onChange={setLabel} hint={e.labelHint} />
          <p className="date-preview" aria-live="polite" data-testid="date-display">
            {preview ? e.displayed(preview) : ''}
          </p>
        </fieldset>
        <ErrorList errors={errors.filter((x) => !x.field || !['title', 'slug', 'summary', 'historicalDate'].some((f) => x.field === f || x.field!.startsWith(f + '.')))} />
        <div className="save-bar">
          <Button type="submit" className="button primary" isDisabled={busy}>
            {n.create}
          </Button>
          <p className="hint">{n.next}</p>
        </div>
      </form>
    </section>
  );
}
