import { describe, expect, it } from 'vitest';
import {
  canRemovePhoto,
  photoHashesOf,
  withCaption,
  withoutPhoto,
  withPhoto,
} from '../../src/shared/photo-rules';
import { PHOTOS_PER_RECORD, type PhotoRef } from '../../src/shared/photos';

const ref = (n: number): PhotoRef => ({
  hash: n.toString(16).padStart(64, '0'),
  type: 'image/jpeg',
  bytes: 1000,
  width: 1600,
  height: 1200,
  caption: '',
  addedAt: '2026-11-23T09:00:00.000Z',
});

describe('photo rules', () => {
  it('reads the hashes a payload names, skipping anything malformed', () => {
    expect(photoHashesOf({ photos: [ref(1), { hash: 'nope' }, null, 7, ref(2)] })).toEqual([
      ref(1).hash,
      ref(2).hash,
    ]);
    expect(photoHashesOf({ photos: 'x' })).toEqual([]);
    expect(photoHashesOf(null)).toEqual([]);
    expect(photoHashesOf({})).toEqual([]);
  });

  it('adds a photo at the end, refusing a repeat or one too many', () => {
    expect(withPhoto(undefined, ref(1))).toEqual([ref(1)]);
    expect(() => withPhoto([ref(1)], ref(1))).toThrow('already on this note');
    const full = Array.from({ length: PHOTOS_PER_RECORD }, (_, i) => ref(i + 1));
    expect(() => withPhoto(full, ref(99))).toThrow(`at most ${PHOTOS_PER_RECORD}`);
  });

  it('captions and removes only the photo named', () => {
    const both = [ref(1), ref(2)];
    expect(withCaption(both, ref(2).hash, 'Chart').map((r) => r.caption)).toEqual(['', 'Chart']);
    expect(withoutPhoto(both, ref(1).hash)).toEqual([ref(2)]);
    expect(withoutPhoto(undefined, ref(1).hash)).toEqual([]);
  });

  it('lets the author remove a photo until the record is shared', () => {
    expect(canRemovePhoto('observation', { status: 'draft' })).toBe(true);
    expect(canRemovePhoto('observation', { status: 'complete' })).toBe(false);
    expect(canRemovePhoto('visit-note', { status: 'complete', share: { photos: false } })).toBe(
      true,
    );
    expect(canRemovePhoto('visit-note', { status: 'draft', share: { photos: true } })).toBe(true);
    expect(canRemovePhoto('visit-note', { status: 'complete', share: { photos: true } })).toBe(
      false,
    );
  });

  it('lets any photo come off where the school has turned photos off', () => {
    expect(canRemovePhoto('observation', { status: 'complete' }, true)).toBe(true);
    expect(
      canRemovePhoto('visit-note', { status: 'complete', share: { photos: true } }, true),
    ).toBe(true);
  });
});
