import { PHOTO_LONG_EDGE, PHOTO_MAX_BYTES } from '../../shared/photos';
import type { PreparedPhoto } from '../data/photos';

/** A photo the device refuses, with the words the user reads. */
export class PhotoProblem extends Error {}

const NOT_A_PICTURE = 'This file is not a picture';
const CANNOT_DECODE =
  'This picture could not be opened on this device (it may be too large or in a format the browser cannot read). Try a smaller photo or a screenshot of it.';

/** JPEG qualities tried in turn, then the picture is made smaller and tried again. */
const QUALITIES = [0.82, 0.7, 0.58, 0.46];
const SHRINK = 0.75;
const MIN_EDGE = 320;

/** The size a picture takes with its long edge at most `longEdge`. */
export function fitWithin(width: number, height: number, longEdge: number) {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function decode(file: File): Promise<ImageBitmap> {
  if (file.type !== '' && !file.type.startsWith('image/')) throw new PhotoProblem(NOT_A_PICTURE);
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    // A huge picture the browser cannot hold fails with a RangeError or EncodingError;
    // anything else is simply not a picture it knows.
    const name = error instanceof Error ? error.name : '';
    if (file.size > 20 * 1024 * 1024 || name === 'RangeError')
      throw new PhotoProblem(CANNOT_DECODE);
    throw new PhotoProblem(NOT_A_PICTURE);
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number) {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoProblem(CANNOT_DECODE);
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoProblem(CANNOT_DECODE);
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new PhotoProblem(CANNOT_DECODE))),
      'image/jpeg',
      quality,
    ),
  );
}

/**
 * Makes a picture ready to keep: decoded by the browser's own codecs (turned the
 * way the camera held it), its long edge at most PHOTO_LONG_EDGE, re-encoded as
 * JPEG until it is under PHOTO_MAX_BYTES. Re-encoding keeps only the pixels, so
 * the camera's EXIF data and location are gone. Named by the SHA-256 of the bytes.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const bitmap = await decode(file);
  try {
    let size = fitWithin(bitmap.width, bitmap.height, PHOTO_LONG_EDGE);
    for (;;) {
      for (const quality of QUALITIES) {
        const blob = await encode(bitmap, size.width, size.height, quality);
        if (blob.size <= PHOTO_MAX_BYTES) {
          return {
            hash: await sha256Hex(blob),
            blob,
            type: 'image/jpeg',
            bytes: blob.size,
            ...size,
          };
        }
      }
      const edge = Math.round(Math.max(size.width, size.height) * SHRINK);
      if (edge < MIN_EDGE) throw new PhotoProblem(CANNOT_DECODE);
      size = fitWithin(size.width, size.height, edge);
    }
  } finally {
    bitmap.close();
  }
}
