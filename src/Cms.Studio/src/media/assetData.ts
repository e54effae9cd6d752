// The media asset as the studio's screens select it, in one place.

import type { StudioMediaAssetFragment } from '../gql/graphql';

/** The media asset as the studio's screens select it. */
export type AssetData = StudioMediaAssetFragment;

export const isImage = (asset: { contentType: string }) => asset.contentType.startsWith('image/');
