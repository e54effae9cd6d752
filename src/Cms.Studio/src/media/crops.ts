// Where a cover crop of an image sits when it centres on a focal point, as object-position percentages, so the
// studio's live crops show what the server's renditions will: the point in the middle unless an edge is reached.

/**
 * The object-position (percent, 0–100 on each axis) that puts the focal point (0–1 on each axis) at the centre of a
 * box of the given aspect ratio (width / height) filled by the image with object-fit: cover, clamped at the edges.
 */
export function cropPosition(focal: { x: number; y: number }, imageWidth: number, imageHeight: number, aspectRatio: number): { x: number; y: number } {
  const imageRatio = imageWidth / imageHeight;
  // With cover, the image fills the box along one axis and overflows along the other; only that axis moves.
  if (imageRatio > aspectRatio) {
    return { x: axis(focal.x, imageRatio, aspectRatio), y: 50 };
  }
  if (imageRatio < aspectRatio) {
    return { x: 50, y: axis(focal.y, 1 / imageRatio, 1 / aspectRatio) };
  }
  return { x: 50, y: 50 };
}

// On the overflowing axis, in units of the box's other side: the image is `image` long, the box `box` long. The offset
// object-position p gives is p·(box − image); the one that centres the point is box/2 − point·image.
function axis(point: number, image: number, box: number): number {
  const fraction = (point * image - box / 2) / (image - box);
  return Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
}

export const cropRatios = [
  { label: '1:1', ratio: 1 },
  { label: '4:3', ratio: 4 / 3 },
  { label: '16:9', ratio: 16 / 9 },
] as const;
