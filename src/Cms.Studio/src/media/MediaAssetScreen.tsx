import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useMutation, useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { hasRole, useCaller } from '../app/caller';
import { ErrorList, payloadOf, type UserErrorData } from '../app/errors';
import { TextInput } from '../app/fields';
import { formatActor, formatDateTime } from '../app/format';
import { strings } from '../app/strings';
import { isImage, type AssetData } from './assetData';
import { FocalPointPicker, type FocalPoint } from './FocalPointPicker';
import { StudioDeleteMediaAssetDocument as DeleteAsset, StudioMediaAssetDocument as AssetQuery, StudioUpdateMediaAssetDocument as UpdateAsset } from '../gql/graphql';

const s = strings.media;

type LargeAsset = AssetData & { large: string };

interface Metadata {
  altText: string;
  caption: string;
  credit: string;
  license: string;
  tags: string;
  focalPoint: FocalPoint | null;
}

const metadataOf = (asset: AssetData): Metadata => ({
  altText: asset.altText ?? '',
  caption: asset.caption ?? '',
  credit: asset.credit ?? '',
  license: asset.license ?? '',
  tags: asset.tags.map((t) => t.label).join(', '),
  focalPoint: asset.focalPoint,
});

/** One asset: its metadata, the focal point with live crops, the articles that use it, and deleting it. */
export default function MediaAssetScreen({ id }: { id: string }) {
  const caller = useCaller();
  const canEdit = hasRole(caller, 'EDITOR');
  const canDelete = hasRole(caller, 'PUBLISHER');
  const [, navigate] = useLocation();
  const [result] = useQuery({ query: AssetQuery, variables: { id }, requestPolicy: 'network-only' });
  const [saving, update] = useMutation(UpdateAsset);
  const [deleting, remove] = useMutation(DeleteAsset);
  const [asset, setAsset] = useState<LargeAsset | null>(null);
  const [form, setForm] = useState<Metadata | null>(null);
  const [errors, setErrors] = useState<UserErrorData[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const loaded = result.data?.mediaAsset ?? null;
  useEffect(() => {
    if (loaded && loaded.revision !== asset?.revision) {
      setAsset(loaded);
      setForm(metadataOf(loaded));
    }
  }, [loaded, asset]);

  if (result.fetching && !asset) {
    return <p className="summary">{s.loading}</p>;
  }
  if (!asset || !form) {
    return (
      <p role="alert" className="problem">
        {result.error?.message ?? s.notFound}
      </p>
    );
  }

  const set = (change: Partial<Metadata>) => setForm({ ...form, ...change });
  const dirty = JSON.stringify(form) !== JSON.stringify(metadataOf(asset));

  async function save() {
    if (!asset || !form) {
      return;
    }
    setNotice(null);
    const { payload, errors: found } = payloadOf(
      await update({
        input: {
          id: asset.id,
          expectedRevision: asset.revision,
          altText: form.altText.trim(),
          caption: form.caption.trim(),
          credit: form.credit.trim(),
          license: form.license.trim(),
          tags: form.tags.split(',').map((t) => t.trim()).filter((t) => t.length > 0),
          focalPoint: form.focalPoint,
        },
      }),
      'updateMediaAsset',
    );
    setErrors(found);
    if (payload?.mediaAsset && found.length === 0) {
      setAsset(payload.mediaAsset);
      setForm(metadataOf(payload.mediaAsset));
      setNotice(s.saved);
    }
  }

  async function deleteAsset() {
    if (!asset || !window.confirm(s.confirmDelete(asset.fileName))) {
      return;
    }
    const { payload, errors: found } = payloadOf(
      await remove({ input: { id: asset.id } }),
      'deleteMediaAsset',
    );
    setErrors(found);
    if (payload?.mediaAsset && found.length === 0) {
      navigate('/media');
    }
  }

  const inUse = errors.find((e) => e.__typename === 'AssetInUseError');
  const errorAt = (field: string) => errors.find((e) => e.field === field)?.message ?? null;
  return (
    <section aria-labelledby="asset-title" className="screen asset">
      <p>
        <Link href="/media">← {s.back}</Link>
      </p>
      <h1 id="asset-title">{asset.fileName}</h1>
      <p className="meta">
        {s.assetLine(asset.contentType, asset.width, asset.height, formatActor(asset.createdBy), formatDateTime(asset.createdAt))}
      </p>
      <div className="asset-layout">
        <div>
          {isImage(asset) && asset.width && asset.height ? (
            canEdit ? (
              <FocalPointPicker src={asset.large} width={asset.width} height={asset.height} value={form.focalPoint} onChange={(focalPoint) => set({ focalPoint })} alt={form.altText} />
            ) : (
              <img src={asset.large} alt={asset.altText ?? ''} className="asset-preview" width={asset.width} height={asset.height} />
            )
          ) : (
            <p className="file-badge">{asset.contentType}</p>
          )}
        </div>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextInput label={s.altText} value={form.altText} onChange={(altText) => set({ altText })} hint={s.altHint} error={errorAt('altText')} multiline rows={2} />
          <TextInput label={s.caption} value={form.caption} onChange={(caption) => set({ caption })} error={errorAt('caption')} />
          <TextInput label={s.credit} value={form.credit} onChange={(credit) => set({ credit })} error={errorAt('credit')} />
          <TextInput label={s.license} value={form.license} onChange={(license) => set({ license })} error={errorAt('license')} />
          <TextInput label={s.tags} value={form.tags} onChange={(tags) => set({ tags })} hint={strings.editor.tagsHint} error={errorAt('tags')} />
          {!inUse && <ErrorList errors={errors} />}
          {canEdit && (
            <div className="save-bar">
              <Button type="submit" className="button primary" isDisabled={saving.fetching || !dirty}>
                {saving.fetching ? strings.editor.saving : s.save}
              </Button>
              <p className="hint" aria-live="polite">
                {notice ?? (dirty ? strings.editor.unsaved : '')}
              </p>
            </div>
          )}
        </form>
      </div>

      <section aria-labelledby="usages-title" className="usages">
        <h2 id="usages-title">{s.usages}</h2>
        {asset.usages.length === 0 ? (
          <p className="empty">{s.noUsages}</p>
        ) : (
          <ul data-testid="usages">
            {asset.usages.map((usage) => (
              <li key={usage.articleId}>
                <Link href={`/articles/${encodeURIComponent(usage.articleId)}`}>{usage.slug}</Link> {s.inVersions(usage.versions)}
              </li>
            ))}
          </ul>
        )}
        {canDelete && (
          <Button className="button danger" onPress={() => void deleteAsset()} isDisabled={deleting.fetching}>
            {s.delete}
          </Button>
        )}
        {inUse && (
          <div role="alert" className="problem" data-testid="delete-refused">
            <p>{s.deleteRefused}</p>
            <ul>
              {(inUse.articles ?? []).map((usage) => (
                <li key={usage.articleId}>
                  <Link href={`/articles/${encodeURIComponent(usage.articleId)}`}>{usage.slug}</Link> {s.inVersions(usage.versions)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </section>
  );
}
