import { useEffect, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { useMutation } from 'urql';
import { hasRole, useCaller } from '../app/caller';
import { ChoiceField } from '../app/ChoiceField';
import { ErrorList, payloadOf, type PayloadAndErrors, type UserErrorData } from '../app/errors';
import { formatActor, formatDateTime, timeZoneName } from '../app/format';
import { previewAddress, studioSettings } from '../app/settings';
import { strings } from '../app/strings';
import type { StudioPublishStateFragment } from '../gql/graphql';
import { StudioCancelScheduleDocument as CancelSchedule, StudioPreviewTokenDocument as Preview, StudioPublishDocument as Publish, StudioScheduleDocument as Schedule, StudioUnpublishDocument as Unpublish } from '../gql/graphql';

const p = strings.publishing;

/** What the publishing panel shows and changes. */
export type PublishState = StudioPublishStateFragment;

type ArticlePayload = { article: PublishState | null; errors: readonly UserErrorData[] };

/**
 * Publishing, beside the editor: what readers see now and what is scheduled, for every role; publish the latest or any
 * version, unpublish, schedule and cancel, and a preview link for publishers. Refusals show here, and images that
 * lack alt text are handed to the editor to mark in its media list.
 */
export function PublishPanel({ article, dirty, onChanged, onAltTextMissing }: {
  article: PublishState;
  dirty: boolean;
  onChanged: (state: PublishState) => void;
  onAltTextMissing: (assetIds: string[]) => void;
}) {
  const canPublish = hasRole(useCaller(), 'PUBLISHER');
  const [version, setVersion] = useState(String(article.latestVersionNumber));
  const [when, setWhen] = useState('');
  const [errors, setErrors] = useState<UserErrorData[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, publish] = useMutation(Publish);
  const [, unpublish] = useMutation(Unpublish);
  const [, schedule] = useMutation(Schedule);
  const [, cancel] = useMutation(CancelSchedule);
  const [, createPreview] = useMutation(Preview);

  // A new save makes the newest version the one offered.
  useEffect(() => setVersion(String(article.latestVersionNumber)), [article.latestVersionNumber]);

  async function run(action: () => Promise<PayloadAndErrors<ArticlePayload>>, done: (state: PublishState) => string) {
    setBusy(true);
    setNotice(null);
    const { payload, errors: found } = await action();
    setBusy(false);
    // The server names the images by id; the editor marks them in its media list, so the message says where to look.
    setErrors(found.map((e) => (e.__typename === 'AltTextRequiredError' ? { ...e, message: p.altTextMissing(e.assetIds?.length ?? 1) } : e)));
    const missing = found.find((e) => e.__typename === 'AltTextRequiredError');
    onAltTextMissing(missing?.assetIds ?? []);
    if (payload?.article && found.length === 0) {
      onChanged(payload.article);
      setNotice(done(payload.article));
    }
  }

  const chosen = Number(version);
  const versions = Object.fromEntries(
    Array.from({ length: article.latestVersionNumber }, (_, i) => article.latestVersionNumber - i).map((n) => [
      String(n),
      n === article.latestVersionNumber ? p.latest(n) : p.version(n),
    ]),
  );

  return (
    <section aria-labelledby="publishing-title" className="panel" data-testid="publishing">
      <h2 id="publishing-title">{p.title}</h2>
      <p data-testid="published-state">
        {article.publishedVersionNumber ? p.publishedSince(article.publishedVersionNumber, formatDateTime(article.publishedAt)) : p.notPublished}
      </p>
      {article.scheduledPublication && (
        <p data-testid="scheduled-state">
          {p.scheduled(article.scheduledPublication.version, formatDateTime(article.scheduledPublication.at), timeZoneName(), formatActor(article.scheduledPublication.createdBy))}
        </p>
      )}
      {!canPublish ? (
        <p className="hint" role="note">
          {p.roleNote}
        </p>
      ) : (
        <>
          {dirty && <p className="hint">{p.unsavedNote}</p>}
          <ChoiceField label={p.whichVersion} options={versions} selected={version} onChange={setVersion} />
          <div className="actions">
            <Button
              className="button primary"
              isDisabled={busy || chosen === article.publishedVersionNumber}
              onPress={() =>
                void run(async () => payloadOf(await publish({ input: { id: article.id, version: chosen } }), 'publishArticle'), (s) => p.published(s.publishedVersionNumber ?? chosen))
              }
            >
              {p.publish(chosen)}
            </Button>
            {article.publishedVersionNumber && (
              <Button
                className="button secondary"
                isDisabled={busy}
                onPress={() => void run(async () => payloadOf(await unpublish({ input: { id: article.id } }), 'unpublishArticle'), () => p.unpublished)}
              >
                {p.unpublish}
              </Button>
            )}
          </div>
          <div className="row">
            <TextField className="field" value={when} onChange={setWhen}>
              <Label className="label">{p.scheduleAt(timeZoneName())}</Label>
              <Input type="datetime-local" />
            </TextField>
            <Button
              className="button secondary"
              isDisabled={busy || !when}
              onPress={() =>
                void run(
                  async () => payloadOf(await schedule({ input: { id: article.id, version: chosen, at: new Date(when).toISOString() } }), 'schedulePublication'),
                  (s) => p.scheduledNotice(s.scheduledPublication?.version ?? chosen, formatDateTime(s.scheduledPublication?.at)),
                )
              }
            >
              {p.schedule(chosen)}
            </Button>
            {article.scheduledPublication && (
              <Button
                className="button secondary"
                isDisabled={busy}
                onPress={() => void run(async () => payloadOf(await cancel({ input: { id: article.id } }), 'cancelScheduledPublication'), () => p.cancelled)}
              >
                {p.cancelSchedule}
              </Button>
            )}
          </div>
          <div className="actions">
            <Button
              className="button secondary"
              isDisabled={busy}
              onPress={async () => {
                setBusy(true);
                const [settings, response] = await Promise.all([studioSettings(), createPreview({ input: { id: article.id } })]);
                setBusy(false);
                const { payload, errors: found } = payloadOf(response, 'createPreviewToken');
                setErrors(found);
                if (payload?.token) {
                  const address = previewAddress(settings.previewUrl, article, payload.token);
                  setPreview(address);
                  window.open(address, '_blank', 'noopener');
                }
              }}
            >
              {p.preview}
            </Button>
          </div>
          {preview && (
            <p className="hint">
              {p.previewOpened}{' '}
              <a href={preview} target="_blank" rel="noopener noreferrer" data-testid="preview-link">
                {p.previewLink}
              </a>
            </p>
          )}
        </>
      )}
      <ErrorList errors={errors} testId="publish-errors" />
      <p className="hint" aria-live="polite" data-testid="publish-notice">
        {notice}
      </p>
    </section>
  );
}
