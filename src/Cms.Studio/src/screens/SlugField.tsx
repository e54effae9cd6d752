import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useMutation } from 'urql';
import { hasRole, useCaller } from '../app/caller';
import { ErrorList, payloadOf, type UserErrorData } from '../app/errors';
import { TextInput } from '../app/fields';
import { strings } from '../app/strings';
import { StudioChangeSlugDocument as ChangeSlug } from '../gql/graphql';

const s = strings.slug;

/** The article's slug and, for publishers, changing it (the old slug keeps answering as a redirect). */
export function SlugField({ id, slug, onChanged }: { id: string; slug: string; onChanged: (slug: string) => void }) {
  const canChange = hasRole(useCaller(), 'PUBLISHER');
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(slug);
  const [errors, setErrors] = useState<UserErrorData[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [, change] = useMutation(ChangeSlug);

  async function save() {
    const { payload, errors: found } = payloadOf(
      await change({ input: { id, slug: value.trim() } }),
      'changeSlug',
    );
    setErrors(found);
    if (payload?.article && found.length === 0) {
      onChanged(payload.article.slug);
      setEditing(false);
      setNotice(s.changed(payload.article.slug));
    }
  }

  return (
    <div className="slug-field">
      <span className="slug-line">
        {strings.editor.slug}: <code data-testid="slug">{slug}</code>
      </span>{' '}
      {canChange && !editing && (
        <Button
          className="button secondary"
          onPress={() => {
            setValue(slug);
            setEditing(true);
            setNotice(null);
          }}
        >
          {s.change}
        </Button>
      )}
      {editing && (
        <div className="row">
          <TextInput label={s.label} value={value} onChange={setValue} hint={s.hint} error={errors.find((e) => e.field === 'slug')?.message ?? null} className="grow" />
          <Button className="button primary" onPress={() => void save()} isDisabled={!value.trim() || value.trim() === slug}>
            {s.save}
          </Button>
          <Button className="button secondary" onPress={() => setEditing(false)}>
            {s.cancel}
          </Button>
        </div>
      )}
      <ErrorList errors={errors.filter((e) => e.field !== 'slug')} />
      <span className="hint" aria-live="polite" data-testid="slug-notice">
        {notice}
      </span>
    </div>
  );
}
