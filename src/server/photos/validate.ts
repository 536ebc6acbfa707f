import { imageSize } from 'image-size';
import type { PhotoType } from '../../shared/photos';
import { jpegLayout, pngLayout, webpLayout, type ImageLayout } from './image-layout';

/** The largest width or height the server takes (the device sends at most 1600). */
export const MAX_PHOTO_EDGE = 10_000;

export type PhotoCheck =
  { ok: true; width: number; height: number } | { ok: false; message: string };

const names: Record<PhotoType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

/** The encoding the bytes themselves announce, whatever the request says. */
export function sniffType(bytes: Uint8Array): PhotoType | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/**
 * Signatures of content a browser or an unzipper would act on. They are looked for in
 * the image's metadata (comments, text and EXIF chunks), where a polyglot hides its
 * payload; the compressed picture itself is not searched, since any short byte
 * pattern turns up in it by chance and would refuse an honest photo.
 */
const dangerous: ReadonlyArray<readonly [string, RegExp]> = [
  // The zip headers' signatures: a local file, the central directory, its end.
  // eslint-disable-next-line no-control-regex -- the signatures are control bytes
  ['a zip archive', /PK\x03\x04|PK\x01\x02|PK\x05\x06/],
  ['HTML', /<\s*(!doctype|html|head|body|iframe|svg|object|embed|meta|a\s)/i],
  ['a script', /<\s*script|javascript:|<\?php/i],
];

const latin1 = new TextDecoder('latin1');

function layoutOf(type: PhotoType, bytes: Uint8Array): ImageLayout {
  if (type === 'image/jpeg') return jpegLayout(bytes);
  if (type === 'image/png') return pngLayout(bytes);
  return webpLayout(bytes);
}

/**
 * Whether `bytes` are one whole image of the declared type and nothing else: the
 * magic bytes match, the structure walks cleanly to its end marker (a truncated
 * image has none), nothing follows it (a polyglot appends a zip or HTML), no
 * metadata hides HTML, script or an archive, no EXIF is left (it can hold the
 * place a photo was taken; the device strips it), and the size is sane.
 */
export function checkPhoto(declared: PhotoType, bytes: Uint8Array): PhotoCheck {
  const actual = sniffType(bytes);
  if (!actual) return { ok: false, message: 'This is not a JPEG, PNG or WebP image' };
  if (actual !== declared) {
    return {
      ok: false,
      message: `The body is a ${names[actual]} image but was sent as ${names[declared]}`,
    };
  }
  const layout = layoutOf(actual, bytes);
  if (!layout.ok) return layout;
  if (layout.end < bytes.length) {
    return {
      ok: false,
      message: `${bytes.length - layout.end} bytes follow the end of the ${names[actual]} image; a photo is one image and nothing else`,
    };
  }
  for (const part of layout.metadata) {
    const text = latin1.decode(part);
    const found = dangerous.find(([, pattern]) => pattern.test(text));
    if (found) return { ok: false, message: `The image's metadata hides ${found[0]}` };
  }
  if (layout.exif) {
    return {
      ok: false,
      message:
        'The photo still carries EXIF data, which can say where it was taken; the app removes it before upload',
    };
  }
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, message: `The ${names[actual]} image has no readable size` };
  }
  const { width = 0, height = 0 } = size;
  if (width < 1 || height < 1) {
    return { ok: false, message: `The ${names[actual]} image has no readable size` };
  }
  if (width > MAX_PHOTO_EDGE || height > MAX_PHOTO_EDGE) {
    return {
      ok: false,
      message: `The image is ${width} × ${height} pixels; at most ${MAX_PHOTO_EDGE} on a side`,
    };
  }
  return { ok: true, width, height };
}
