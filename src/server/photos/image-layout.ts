import { crc32 } from 'node:zlib';

/**
 * Where an image's own structure says it ends, the metadata it carries (comments,
 * text, EXIF and XMP chunks), and whether EXIF is among it. Image libraries read
 * the size from the header and stop; these walkers follow the structure to its
 * end marker, which is how a truncated file or bytes hidden after the image show.
 */
export type ImageLayout =
  { ok: true; end: number; metadata: Uint8Array[]; exif: boolean } | { ok: false; message: string };

const truncated = (name: string): ImageLayout => ({
  ok: false,
  message: `The ${name} image is cut off before its end; send the whole photo again`,
});
const broken = (name: string, why: string): ImageLayout => ({
  ok: false,
  message: `The ${name} image is damaged: ${why}`,
});

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u32le = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const ascii = (b: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...b.subarray(from, from + length));

const EOI = 0xd9;
const SOS = 0xda;
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
const isMetadata = (m: number) => (m >= 0xe0 && m <= 0xef) || m === 0xfe;

/** After a scan's header: its entropy-coded data runs to the next real marker. */
function skipScan(b: Uint8Array, from: number): number {
  let pos = from;
  while (pos + 1 < b.length) {
    if (b[pos] !== 0xff) {
      pos += 1;
      continue;
    }
    const next = b[pos + 1]!;
    // FF00 is a stuffed data byte; restart markers sit inside the scan.
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos += 2;
    else if (next === 0xff) pos += 1;
    else return pos;
  }
  return b.length;
}

export function jpegLayout(b: Uint8Array): ImageLayout {
  const metadata: Uint8Array[] = [];
  let exif = false;
  let pos = 2;
  for (;;) {
    if (pos >= b.length) return truncated('JPEG');
    if (b[pos] !== 0xff) return broken('JPEG', `no marker at byte ${pos}`);
    while (pos < b.length && b[pos] === 0xff) pos += 1;
    if (pos >= b.length) return truncated('JPEG');
    const marker = b[pos]!;
    pos += 1;
    if (marker === EOI) return { ok: true, end: pos, metadata, exif };
    if (standalone(marker)) continue;
    if (marker === 0xd8) return broken('JPEG', 'a second start of image');
    if (pos + 2 > b.length) return truncated('JPEG');
    const length = u16be(b, pos);
    if (length < 2) return broken('JPEG', `a segment of length ${length}`);
    const end = pos + length;
    if (end > b.length) return truncated('JPEG');
    if (isMetadata(marker)) {
      const data = b.subarray(pos + 2, end);
      metadata.push(data);
      if (marker === 0xe1 && ascii(data, 0, 6) === 'Exif\0\0') exif = true;
    }
    pos = marker === SOS ? skipScan(b, end) : end;
  }
}

const PNG_METADATA = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf']);

export function pngLayout(b: Uint8Array): ImageLayout {
  const metadata: Uint8Array[] = [];
  let exif = false;
  let pos = 8;
  for (let first = true; ; first = false) {
    if (pos + 8 > b.length) return truncated('PNG');
    const length = u32be(b, pos);
    const type = ascii(b, pos + 4, 4);
    if (first && type !== 'IHDR') return broken('PNG', 'it does not start with its header');
    const dataEnd = pos + 8 + length;
    if (dataEnd + 4 > b.length) return truncated('PNG');
    if (crc32(b.subarray(pos + 4, dataEnd)) !== u32be(b, dataEnd)) {
      return broken('PNG', `the ${type} chunk fails its checksum`);
    }
    if (PNG_METADATA.has(type)) metadata.push(b.subarray(pos + 8, dataEnd));
    if (type === 'eXIf') exif = true;
    pos = dataEnd + 4;
    if (type === 'IEND') return { ok: true, end: pos, metadata, exif };
  }
}

const WEBP_METADATA = new Set(['EXIF', 'XMP ']);

export function webpLayout(b: Uint8Array): ImageLayout {
  if (b.length < 12) return truncated('WebP');
  const end = 8 + u32le(b, 4);
  if (end > b.length) return truncated('WebP');
  const metadata: Uint8Array[] = [];
  let exif = false;
  let pos = 12;
  if (pos + 8 > end) return broken('WebP', 'it holds no image');
  while (pos + 8 <= end) {
    const type = ascii(b, pos, 4);
    const size = u32le(b, pos + 4);
    const dataEnd = pos + 8 + size;
    if (dataEnd > end) return truncated('WebP');
    if (WEBP_METADATA.has(type)) metadata.push(b.subarray(pos + 8, dataEnd));
    if (type === 'EXIF') exif = true;
    // Chunks are padded to an even length.
    pos = dataEnd + (size % 2);
  }
  if (pos !== end) return broken('WebP', 'its chunks do not fill it');
  return { ok: true, end, metadata, exif };
}
