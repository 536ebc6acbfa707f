import { describe, expect, it } from 'vitest';
import { checkPhoto, sniffType } from '../../../src/server/photos/validate';
import { fixture } from '../../support/photos';

describe('checking that an upload is one whole photo', () => {
  it.each([
    ['photo.jpg', 'image/jpeg'],
    ['photo.png', 'image/png'],
    ['photo.webp', 'image/webp'],
  ] as const)('takes %s as drawn by a browser canvas, with its size', (name, type) => {
    expect(checkPhoto(type, fixture(name))).toEqual({ ok: true, width: 96, height: 64 });
  });

  it('knows an image by its own bytes, not by its name', () => {
    expect(sniffType(fixture('photo.jpg'))).toBe('image/jpeg');
    expect(sniffType(fixture('png-as-jpeg.jpg'))).toBe('image/png');
    expect(sniffType(fixture('photo.webp'))).toBe('image/webp');
    expect(sniffType(fixture('not-an-image.jpg'))).toBeNull();
  });

  const refused = (name: string, type: 'image/jpeg' | 'image/png' | 'image/webp') => {
    const result = checkPhoto(type, fixture(name));
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.message;
  };

  it('refuses what is not an image at all', () => {
    expect(refused('not-an-image.jpg', 'image/jpeg')).toBe('This is not a JPEG, PNG or WebP image');
  });

  it('refuses a PNG sent as a JPEG', () => {
    expect(refused('png-as-jpeg.jpg', 'image/jpeg')).toBe(
      'The body is a PNG image but was sent as JPEG',
    );
  });

  it('refuses a JPEG with a zip archive after its end (a polyglot)', () => {
    expect(refused('zip-polyglot.jpg', 'image/jpeg')).toMatch(
      /bytes follow the end of the JPEG image/,
    );
  });

  it('refuses a JPEG with HTML after its end', () => {
    expect(refused('html-tail.jpg', 'image/jpeg')).toMatch(/bytes follow the end of the JPEG/);
  });

  it('refuses a PNG with a zip after its IEND, and a WebP with HTML beyond its RIFF size', () => {
    expect(refused('zip-tail.png', 'image/png')).toMatch(/follow the end of the PNG/);
    expect(refused('html-tail.webp', 'image/webp')).toMatch(/follow the end of the WebP/);
  });

  it('refuses script hidden in a JPEG comment', () => {
    expect(refused('html-in-comment.jpg', 'image/jpeg')).toBe(
      "The image's metadata hides a script",
    );
  });

  it('refuses a truncated JPEG and a truncated WebP', () => {
    expect(refused('truncated.jpg', 'image/jpeg')).toMatch(/cut off before its end/);
    expect(refused('truncated.webp', 'image/webp')).toMatch(/cut off before its end/);
  });

  it('refuses a JPEG still carrying EXIF with a GPS position', () => {
    expect(refused('exif-gps.jpg', 'image/jpeg')).toMatch(/EXIF data, which can say where/);
  });

  it('refuses an image wider than 10,000 pixels', () => {
    expect(refused('too-wide.png', 'image/png')).toBe(
      'The image is 12000 × 2 pixels; at most 10000 on a side',
    );
  });

  it('refuses a PNG whose chunk fails its checksum', () => {
    const bytes = Buffer.from(fixture('photo.png'));
    bytes[40] = bytes[40]! ^ 0xff;
    expect(checkPhoto('image/png', bytes)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/fails its checksum/),
    });
  });

  it('refuses an empty body and one a few bytes long', () => {
    expect(checkPhoto('image/jpeg', new Uint8Array())).toMatchObject({ ok: false });
    expect(checkPhoto('image/jpeg', new Uint8Array([0xff, 0xd8, 0xff]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cut off/),
    });
    expect(
      checkPhoto('image/webp', Buffer.from('RIFF\x04\x00\x00\x00WEBP', 'latin1')),
    ).toMatchObject({
      ok: false,
    });
  });
});
