import { lazy, Suspense, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Label, Modal, Radio, RadioGroup } from 'react-aria-components';
import { Link } from 'wouter';
import { TextInput } from '../app/fields';
import { strings } from '../app/strings';
import type { MediaDraft } from '../screens/articleForm';
import { MoveButtons, movedTo } from '../app/SortableList';
import { isImage, type AssetData } from './assetData';
import type { MediaRole } from '../gql/graphql';

// The library's picker (with the upload area) and the focal-point picker load when first opened: the editor appears
// without them and the library's code.
const MediaPicker = lazy(() => import('./MediaPicker'));
const FocalPointPicker = lazy(() => import('./FocalPointPicker').then((module) => ({ default: module.FocalPointPicker })));

const s = strings.media;

const previewOf = (asset: AssetData) => ({
  id: asset.id,
  fileName: asset.fileName,
  contentType: asset.contentType,
  altText: asset.altText,
  caption: asset.caption,
  width: asset.width,
  height: asset.height,
  thumbnail: asset.thumbnail,
  preview: asset.preview,
});

/**
 * The article's media: each use with its thumbnail, role, caption and focal-point overrides, in order; images the
 * server refused to publish for lacking alt text are marked; assets are added from the library or uploaded here.
 */
export function MediaField({
  media,
  onChange,
  missingAltText,
  readOnly,
}: {
  media: MediaDraft[];
  onChange: (media: MediaDraft[]) => void;
  missingAltText: string[];
  readOnly: boolean;
}) {
  const [focusing, setFocusing] = useState<number | null>(null);
  const update = (index: number, change: Partial<MediaDraft>) => onChange(media.map((m, i) => (i === index ? { ...m, ...change } : m)));
  const lacksAlt = (m: MediaDraft) => missingAltText.some((id) => id === m.assetId || id === m.asset?.id) || (m.asset !== null && isImage(m.asset) && !m.asset.altText);

  return (
    <fieldset data-testid="media-field">
      <legend>{s.articleMedia}</legend>
      {media.length === 0 && <p className="hint">{s.noMedia}</p>}
      {media.map((use, index) => (
        <div
          key={`${use.assetId}-${index}`}
          className={lacksAlt(use) ? 'item media-use missing-alt' : 'item media-use'}
          role="group"
          aria-label={s.use(index + 1, use.asset?.fileName ?? use.assetId)}
          data-testid="media-use"
        >
          <div className="row">
            {use.asset && isImage(use.asset) ? <img src={use.asset.thumbnail} alt="" width={160} height={120} /> : <span className="file-badge">{use.asset?.contentType ?? '?'}</span>}
            <div className="grow">
              <p className="asset-name">{use.asset?.fileName ?? use.assetId}</p>
              {lacksAlt(use) && (
                <p className="field-error" data-testid="missing-alt">
                  {s.missingAlt}{' '}
                  {use.asset && <Link href={`/media/${encodeURIComponent(use.asset.id)}`}>{s.addAlt}</Link>}
                </p>
              )}
              {/* Three choices, all visible: a radio group rather than a menu. */}
              <RadioGroup className="radio-group" value={use.role} onChange={(role) => update(index, { role: role as MediaRole })} isDisabled={readOnly} orientation="horizontal">
                <Label className="label">{s.role}</Label>
                <div className="radios">
                  {Object.entries(s.roles).map(([role, text]) => (
                    <Radio key={role} value={role} className="radio">
                      {text}
                    </Radio>
                  ))}
                </div>
              </RadioGroup>
              <TextInput
                label={s.captionOverride}
                value={use.captionOverride}
                onChange={(captionOverride) => update(index, { captionOverride })}
                hint={use.asset?.caption ? s.libraryCaption(use.asset.caption) : s.noLibraryCaption}
              />
            </div>
          </div>
          {focusing === index && use.asset?.width && use.asset.height && (
            <Suspense fallback={<p className="hint">{s.loading}</p>}>
              <FocalPointPicker
                src={use.asset.preview}
                width={use.asset.width}
                height={use.asset.height}
                value={use.focalPointOverride}
                onChange={(focalPointOverride) => update(index, { focalPointOverride })}
                alt={use.asset.altText ?? ''}
              />
            </Suspense>
          )}
          {!readOnly && (
            <div className="item-actions">
              {use.asset && isImage(use.asset) && (
                <Button className="button secondary" onPress={() => setFocusing(focusing === index ? null : index)}>
                  {focusing === index ? s.hideFocal : s.focalOverride}
                </Button>
              )}
              {use.focalPointOverride && (
                <Button className="button secondary" onPress={() => update(index, { focalPointOverride: null })}>
                  {s.useLibraryFocal}
                </Button>
              )}
              <MoveButtons
                index={index}
                count={media.length}
                upLabel={s.moveUp(index + 1)}
                downLabel={s.moveDown(index + 1)}
                onMove={(from, to) => onChange(movedTo(media, from, to))}
              />
              <Button className="button secondary" onPress={() => onChange(media.filter((_, i) => i !== index))}>
                {s.removeUse(index + 1)}
              </Button>
            </div>
          )}
        </div>
      ))}
      {!readOnly && (
        <DialogTrigger>
          <Button className="button secondary">{s.addMedia}</Button>
          <Modal className="modal" isDismissable>
            <Dialog className="dialog">
              {({ close }) => (
                <>
                  <Heading slot="title">{s.pickTitle}</Heading>
                  <Suspense fallback={<p className="hint">{s.loading}</p>}>
                    <MediaPicker
                      onPick={(asset: AssetData) => {
                        onChange([...media, { assetId: asset.id, role: media.length === 0 ? 'HERO' : 'GALLERY', captionOverride: '', focalPointOverride: null, asset: previewOf(asset) }]);
                        close();
                      }}
                      onClose={close}
                    />
                  </Suspense>
                </>
              )}
            </Dialog>
          </Modal>
        </DialogTrigger>
      )}
    </fieldset>
  );
}
