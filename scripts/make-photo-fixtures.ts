/**
 * Writes the photo fixtures under test/fixtures/photos/: small JPEG, PNG and WebP
 * images drawn and encoded by Chromium's own canvas (as the device encodes them),
 * and the bad files the upload route must refuse, built from them byte by byte.
 * Run with `npx tsx scripts/make-photo-fixtures.ts`; the files are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { chromium } from 'playwright-core';

const dir = 'test/fixtures/photos';
mkdirSync(dir, { recursive: true });
const write = (name: string, bytes: Uint8Array) => writeFileSync(join(dir, name), bytes);
const concat = (...parts: Uint8Array[]) => Buffer.concat(parts);

async function canvasImages(): Promise<Record<'jpeg' | 'png' | 'webp', Buffer>> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const urls = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 96;
      canvas.height = 64;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#f4efe1';
      g.fillRect(0, 0, 96, 64);
      g.fillStyle = '#2a6f97';
      g.fillRect(8, 8, 40, 24);
      g.fillStyle = '#c8553d';
      g.beginPath();
      g.arc(66, 40, 16, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#222';
      g.font = '10px sans-serif';
      g.fillText('3 x 4 = 12', 8, 56);
      return {
        jpeg: canvas.toDataURL('image/jpeg', 0.85),
        png: canvas.toDataURL('image/png'),
        webp: canvas.toDataURL('image/webp', 0.85),
      };
    });
    const decode = (url: string) => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    return { jpeg: decode(urls.jpeg), png: decode(urls.png), webp: decode(urls.webp) };
  } finally {
    await browser.close();
  }
}

/** A JPEG segment: marker, big-endian length (which counts itself), data. */
function segment(marker: number, data: Uint8Array): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return concat(head, data);
}

/** An EXIF block whose GPS IFD places the photo at 40.7128 N, 74.0060 W. */
function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 12 * 4 + 4 + 48);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  // IFD0: one entry, the GPS IFD pointer (tag 0x8825, LONG).
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  const gps = 8 + 2 + 12 + 4;
  tiff.writeUInt32BE(gps, 18);
  tiff.writeUInt32BE(0, 22);
  // GPS IFD: latitude ref/value, longitude ref/value.
  const values = gps + 2 + 12 * 4 + 4;
  tiff.writeUInt16BE(4, gps);
  const entry = (i: number, tag: number, type: number, count: number, value: number) => {
    const at = gps + 2 + i * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (type === 2) tiff.write(String.fromCharCode(value), at + 8, 'latin1');
    else tiff.writeUInt32BE(value, at + 8);
  };
  entry(0, 1, 2, 2, 'N'.charCodeAt(0));
  entry(1, 2, 5, 3, values);
  entry(2, 3, 2, 2, 'W'.charCodeAt(0));
  entry(3, 4, 5, 3, values + 24);
  const rational = (at: number, n: number, d: number) => {
    tiff.writeUInt32BE(n, at);
    tiff.writeUInt32BE(d, at + 4);
  };
  [40, 42, 4608].forEach((n, i) => rational(values + i * 8, n, i === 2 ? 100 : 1));
  [74, 0, 2160].forEach((n, i) => rational(values + 24 + i * 8, n, i === 2 ? 100 : 1));
  return concat(Buffer.from('Exif\0\0', 'latin1'), tiff);
}

/** A PNG chunk with its checksum. */
function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = concat(Buffer.from(type, 'latin1'), data);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return concat(length, body, crc);
}

/** A whole, valid grey PNG of the given size (a row of zeros per line, deflated). */
function greyPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height);
  return concat(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  );
}

const images = await canvasImages();
write('photo.jpg', images.jpeg);
write('photo.png', images.png);
write('photo.webp', images.webp);
// SOI, then the EXIF segment, then the rest of the canvas's JPEG.
write(
  'exif-gps.jpg',
  concat(images.jpeg.subarray(0, 2), segment(0xe1, exifWithGps()), images.jpeg.subarray(2)),
);
const zip = zipSync({ 'payload.html': strToU8('<html><body>not a photo</body></html>') });
write('zip-polyglot.jpg', concat(images.jpeg, zip));
write('html-tail.jpg', concat(images.jpeg, Buffer.from('<html><script>alert(1)</script></html>')));
write(
  'html-in-comment.jpg',
  concat(
    images.jpeg.subarray(0, 2),
    segment(0xfe, Buffer.from('<script>alert(1)</script>')),
    images.jpeg.subarray(2),
  ),
);
write('truncated.jpg', images.jpeg.subarray(0, Math.floor(images.jpeg.length * 0.6)));
write('png-as-jpeg.jpg', images.png);
write('zip-tail.png', concat(images.png, zip));
write('truncated.webp', images.webp.subarray(0, images.webp.length - 20));
write('html-tail.webp', concat(images.webp, Buffer.from('<html><script>alert(1)</script></html>')));
write('too-wide.png', greyPng(12_000, 2));
write('not-an-image.jpg', Buffer.from('<!doctype html><title>hello</title><p>Not a photo</p>'));
console.log(`wrote the photo fixtures to ${dir}`);
