import { useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useQuery } from 'urql';
import { strings } from '../app/strings';
import type { AssetData } from './assetData';
import { AssetCard, UploadArea, whereOfLibrary } from './MediaLibrary';
import { StudioMediaAssetsDocument as MediaAssetsQuery } from '../gql/graphql';

const s = strings.media;

/** The library in a dialog: search by file name, pick one, or upload and pick what was uploaded. */
export default function MediaPicker({ onPick, onClose }: { onPick: (asset: AssetData) => void; onClose: () => void }) {
  const [search, setSearch] = useState('');
  const [result] = useQuery({ query: MediaAssetsQuery, variables: { first: 24, where: whereOfLibrary(search, '') }, requestPolicy: 'cache-and-network' });
  return (
    <>
      <UploadArea onUploaded={onPick} />
      <SearchField className="field" value={search} onChange={setSearch} autoFocus>
        <Label className="label">{s.search}</Label>
        <Input />
      </SearchField>
      {result.error && (
        <p role="alert" className="problem">
          {s.loadFailed} {result.error.message}
        </p>
      )}
      <ul className="asset-grid" aria-label={s.pickTitle}>
        {result.data?.mediaAssets?.nodes?.map((asset) => (
          <li key={asset.id}>
            <Button className="asset-card" onPress={() => onPick(asset)}>
              <AssetCard asset={asset} />
            </Button>
          </li>
        ))}
      </ul>
      <Button className="button secondary" onPress={onClose}>
        {s.cancel}
      </Button>
    </>
  );
}
