// The media asset as the studio's screens select it, in one place.

export interface AssetData {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  altText: string | null;
  caption: string | null;
  credit: string | null;
  license: string | null;
  focalPoint: { x: number; y: number } | null;
  tags: { label: string }[];
  revision: number;
  createdAt: string;
  createdBy: string;
  thumbnail: string;
  preview: string;
  usages: { articleId: string; slug: string; versions: number[] }[];
}

export const assetFields = /* GraphQL */ `
  id
  fileName
  contentType
  byteSize
  width
  height
  altText
  caption
  credit
  license
  focalPoint { x y }
  tags { label }
  revision
  createdAt
  createdBy
  thumbnail: url(width: 320, height: 240, fit: COVER)
  preview: url(width: 640)
  usages { articleId slug versions }
`;

export const isImage = (asset: { contentType: string }) => asset.contentType.startsWith('image/');
