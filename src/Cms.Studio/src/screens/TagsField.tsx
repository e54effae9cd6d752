import { useRef } from 'react';
import { Button } from 'react-aria-components';
import { useQuery } from 'urql';
import { TextInput } from '../app/fields';
import { strings } from '../app/strings';
import { StudioTagsDocument as TagsQuery } from '../gql/graphql';

const t = strings.tags;

/**
 * Tags as readers see them, separated by commas, with completion from the taxonomy: the tag being typed (after the
 * last comma) is matched against the tags published articles carry; a new label is as welcome as a known one.
 */
export function TagsField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [result] = useQuery({ query: TagsQuery, requestPolicy: 'cache-first' });
  const parts = value.split(',');
  const typing = (parts[parts.length - 1] ?? '').trim().toLowerCase();
  const chosen = new Set(parts.slice(0, -1).map((p) => p.trim().toLowerCase()));
  const suggestions =
    typing.length === 0
      ? []
      : (result.data?.tags?.nodes ?? [])
          .filter((tag) => !chosen.has(tag.label.toLowerCase()) && tag.label.toLowerCase() !== typing && tag.label.toLowerCase().includes(typing))
          .slice(0, 8);

  const input = useRef<HTMLInputElement>(null);
  // The completed list, and the caret back at its end, so typing goes on with the next tag.
  const complete = (label: string) => {
    const next = [...parts.slice(0, -1).map((p) => p.trim()), label].filter((p) => p.length > 0).join(', ') + ', ';
    onChange(next);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(next.length, next.length);
    });
  };
  return (
    <div className="tags-field">
      <TextInput label={strings.editor.tags} value={value} onChange={onChange} hint={strings.editor.tagsHint} inputRef={input} />
      {suggestions.length > 0 && (
        <div role="group" aria-label={t.suggestions} className="suggestions" data-testid="tag-suggestions">
          {suggestions.map((tag) => (
            <Button key={tag.slug} className="button secondary" onPress={() => complete(tag.label)}>
              {t.use(tag.label, tag.articleCount)}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
