import { useState } from 'react';
import { Button, DropZone, FileTrigger, Input, Label, ProgressBar, SearchField, Text } from 'react-aria-components';
import { useClient, useQuery } from 'urql';
import { Link } from 'wouter';
import { hasRole, useCaller } from '../app/caller';
import { ChoiceField } from '../app/ChoiceField';
import { useCredentials } from '../app/credentials';
import { strings } from '../app/strings';
import { isImage, type AssetData } from './assetData';
import { uploadFile } from './upload';
import { StudioMediaAssetsDocument as MediaAssetsQuery } from '../gql/graphql';

const s = strings.media;
const pageSize = 24;

export interface MediaAssetsData {
  mediaAssets: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: AssetData[] } | null;
}

interface Upload {
  id: number;
  name: string;
  progress: number;
  asset: AssetData | null;
  problem: string | null;
}

export function whereOfLibrary(search: string, usage: string): Record<string, unknown> | null {
  const all: Record<string, unknown>[] = [];
  if (search.trim()) {
    all.push({ fileName: { contains: search.trim() } });
  }
  if (usage) {
    all.push({ isUsed: { eq: usage === 'used' } });
  }
  return all.length === 0 ? null : { and: all };
}

/** Uploads files one after another, each with its progress, and tells when the library should be read again. */
export function useUploads(onUploaded: (asset: AssetData) => void) {
  const client = useClient();
  const credentials = useCredentials();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (id: number, change: Partial<Upload>) => setUploads((all) => all.map((u) => (u.id === id ? { ...u, ...change } : u)));
  async function start(files: File[]) {
    for (const file of files) {
      const id = Date.now() + Math.random();
      setUploads((all) => [...all, { id, name: file.name, progress: 0, asset: null, problem: null }]);
      const outcome = await uploadFile(client, credentials, file, (progress) => patch(id, { progress }));
      if (outcome.asset) {
        patch(id, { progress: 1, asset: outcome.asset });
        onUploaded(outcome.asset);
      } else {
        patch(id, { problem: outcome.errors.map((e) => e.message).join(' ') });
      }
    }
  }
  return { uploads, start };
}

/** Drop files here or pick them; each upload's progress, then a link to describe it (alt text first). */
export function UploadArea({ onUploaded }: { onUploaded: (asset: AssetData) => void }) {
  const { uploads, start } = useUploads(onUploaded);
  return (
    <div className="upload-area">
      <DropZone
        className="dropzone"
        aria-label={s.dropZone}
        onDrop={async (event) => {
          const files = await Promise.all(
            event.items.filter((item) => item.kind === 'file').map((item) => (item as { getFile: () => Promise<File> }).getFile()),
          );
          void start(files);
        }}
      >
        <Text slot="label">{s.dropHere}</Text>
        <FileTrigger allowsMultiple onSelect={(list) => list && void start(Array.from(list))}>
          <Button className="button secondary">{s.pickFiles}</Button>
        </FileTrigger>
      </DropZone>
      {uploads.length > 0 && (
        <ul className="uploads" aria-label={s.uploads}>
          {uploads.map((upload) => (
            <li key={upload.id} data-testid="upload">
              <ProgressBar value={upload.progress * 100} className="progress" aria-label={s.uploading(upload.name)}>
                {({ percentage }) => (
                  <>
                    <span className="progress-label">
                      {upload.name} · {upload.problem ? s.failed : upload.asset ? s.uploaded : `${Math.round(percentage ?? 0)}%`}
                    </span>
                    <span className="progress-track">
                      <span className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
                    </span>
                  </>
                )}
              </ProgressBar>
              {upload.problem && (
                <p role="alert" className="problem">
                  {upload.problem}
                </p>
              )}
              {upload.asset && <Link href={`/media/${encodeURIComponent(upload.asset.id)}`}>{s.describe(upload.asset.fileName)}</Link>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One asset in a grid: its thumbnail (a rendition), name and whether it still lacks alt text. */
export function AssetCard({ asset }: { asset: AssetData }) {
  const missingAlt = isImage(asset) && !asset.altText;
  return (
    <>
      {isImage(asset) ? <img src={asset.thumbnail} alt="" width={160} height={120} loading="lazy" /> : <span className="file-badge">{asset.contentType}</span>}
      <span className="asset-name">{asset.fileName}</span>
      {missingAlt ? (
        <span className="badge warning">{s.noAlt}</span>
      ) : (
        <span className="badge">{asset.usages.length > 0 ? s.usedIn(asset.usages.length) : s.unused}</span>
      )}
    </>
  );
}

export default function MediaLibrary() {
  const [search, setSearch] = useState('');
  const [usage, setUsage] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const canUpload = hasRole(useCaller(), 'EDITOR');
  const [result, refetch] = useQuery({
    query: MediaAssetsQuery,
    variables: { first: pageSize, after, where: whereOfLibrary(search, usage) },
    requestPolicy: 'cache-and-network',
  });
  const page = result.data?.mediaAssets;

  return (
    <section aria-labelledby="media-title" className="screen">
      <h1 id="media-title">{s.title}</h1>
      {canUpload && <UploadArea onUploaded={() => refetch({ requestPolicy: 'network-only' })} />}
      <div className="row">
        <SearchField
          className="field"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setAfter(null);
          }}
        >
          <Label className="label">{s.search}</Label>
          <Input />
        </SearchField>
        <ChoiceField
          label={s.usage}
          options={{ '': s.anyUsage, used: s.used, unused: s.unusedOnly }}
          selected={usage}
          onChange={(value) => {
            setUsage(value);
            setAfter(null);
          }}
        />
      </div>
      <p className="summary" aria-live="polite">
        {result.fetching && !page ? s.loading : page ? s.count(page.nodes?.length ?? 0, page.totalCount) : ''}
      </p>
      {result.error && (
        <p role="alert" className="problem">
          {s.loadFailed} {result.error.message}
        </p>
      )}
      {page && (page.nodes?.length ?? 0) === 0 && <p className="empty">{s.none}</p>}
      <ul className="asset-grid" aria-label={s.title}>
        {page?.nodes?.map((asset) => (
          <li key={asset.id}>
            <Link href={`/media/${encodeURIComponent(asset.id)}`} className="asset-card">
              <AssetCard asset={asset} />
            </Link>
          </li>
        ))}
      </ul>
      <nav className="pager" aria-label={s.pages}>
        <Button className="button secondary" isDisabled={!after} onPress={() => setAfter(null)}>
          {strings.articles.first}
        </Button>
        <Button className="button secondary" isDisabled={!page?.pageInfo.hasNextPage} onPress={() => setAfter(page?.pageInfo.endCursor ?? null)}>
          {strings.articles.next}
        </Button>
      </nav>
    </section>
  );
}
