// @vitest-environment jsdom
import { Blob as NodeBlob } from 'node:buffer';
import { createHash } from 'node:crypto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookforDb } from '../../../src/client/data/db';
import { addPhoto, type PreparedPhoto } from '../../../src/client/data/photos';
import { writeRecord } from '../../../src/client/data/write-record';
import { photosAllowedIn } from '../../../src/client/ui/photos';
import { Observation } from '../../../src/shared/observation';
import { observation, TEST_SCHOOL_ID } from '../../support/factories';
import { renderApp } from '../../support/render-app';

const prepare = vi.hoisted(() => ({ next: null as null | (() => Promise<unknown>) }));
vi.mock('../../../src/client/photos/prepare', () => ({
  preparePhoto: () => prepare.next!(),
}));

/** What prepare.ts hands over, with Node's Blob (fake-indexeddb clones it). */
function prepared(text: string): PreparedPhoto {
  const bytes = new TextEncoder().encode(text);
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    blob: new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob,
    type: 'image/jpeg',
    bytes: bytes.byteLength,
    width: 1600,
    height: 1200,
  };
}

describe('the photo strip on the capture screen', () => {
  let db: LookforDb;
  let note: Observation;

  beforeEach(async () => {
    URL.createObjectURL = vi.fn(() => 'blob:photo');
    URL.revokeObjectURL = vi.fn();
    note = observation();
    ({ db } = renderApp(`#/observe/${note.id}`));
    await writeRecord(db, 'observation', note.id, note, { now: new Date() });
  });
  afterEach(() => {
    cleanup();
    db.close();
  });

  const stored = async () =>
    Observation.parse((await db.records.get(['observation', note.id]))?.data);
  const choose = async (label: 'Add photo' | 'Choose from library') => {
    const button = await screen.findByRole('button', { name: label });
    const input = document.getElementById(
      `photo-${label === 'Add photo' ? 'camera' : 'library'}-${note.id}`,
    ) as HTMLInputElement;
    fireEvent.click(button);
    const file = new File(['x'], 'chart.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
  };

  it('offers the camera and the library, and reminds what to photograph', async () => {
    await screen.findByText('Photograph the work, not faces or names.');
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type=file]')];
    expect(inputs.map((i) => [i.accept, i.getAttribute('capture')])).toEqual([
      ['image/*', 'environment'],
      ['image/*', null],
    ]);
  });

  it('adds a photo, shows it, captions it and removes it', async () => {
    const photo = prepared('anchor chart');
    prepare.next = async () => photo;
    await choose('Add photo');
    expect(await screen.findByRole('img', { name: 'Photo 1' })).toBeTruthy();
    expect((await stored()).photos?.map((p) => p.hash)).toEqual([photo.hash]);
    expect(await db.photos.get(photo.hash)).toMatchObject({ uploaded: 0 });

    fireEvent.input(screen.getByLabelText('Caption for photo 1'), {
      target: { value: 'Anchor chart' },
    });
    await waitFor(async () => expect((await stored()).photos?.[0]?.caption).toBe('Anchor chart'));

    fireEvent.click(screen.getByRole('button', { name: 'Remove photo 1' }));
    await waitFor(async () => expect((await stored()).photos).toEqual([]));
    expect(await db.photos.count()).toBe(0);
  });

  it('says a file is not a picture and keeps nothing', async () => {
    prepare.next = async () => {
      throw new Error('This file is not a picture');
    };
    await choose('Choose from library');
    expect((await screen.findByRole('alert')).textContent).toBe('This file is not a picture');
    expect((await stored()).photos).toBeUndefined();
    expect(await db.photos.count()).toBe(0);
  });

  it('is hidden for a school that turned photos off', () => {
    expect(
      photosAllowedIn(
        [{ id: TEST_SCHOOL_ID, name: 'Lincoln', photosAllowed: false }],
        TEST_SCHOOL_ID,
      ),
    ).toBe(false);
    expect(photosAllowedIn([{ id: TEST_SCHOOL_ID, name: 'Lincoln' }], TEST_SCHOOL_ID)).toBe(true);
  });
});

describe('the photo strip where the school has turned photos off', () => {
  let db: LookforDb;
  afterEach(() => {
    cleanup();
    db.close();
  });
  const photosOff = {
    user: { schools: [{ id: TEST_SCHOOL_ID, name: 'Lincoln', photosAllowed: false }] },
  };

  it('offers no new photo, says why, and lets a finished note’s unsent photo come off', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:photo');
    URL.revokeObjectURL = vi.fn();
    const note = observation({ status: 'complete', endedAt: new Date().toISOString() });
    ({ db } = renderApp(`#/observe/${note.id}`, undefined, photosOff));
    await writeRecord(db, 'observation', note.id, note, { now: new Date() });
    await addPhoto(db, 'observation', note.id, prepared('exit tickets'), '', new Date());

    await screen.findByText(/Photos are turned off for this school/);
    expect(screen.queryByRole('button', { name: 'Add photo' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Choose from library' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove photo 1' }));
    const stored = async () =>
      Observation.parse((await db.records.get(['observation', note.id]))?.data);
    await waitFor(async () => expect((await stored()).photos).toEqual([]));
    // With no photo left, the strip goes.
    await waitFor(() => expect(screen.queryByText(/Photos are turned off/)).toBeNull());
  });

  it('shows nothing of photos on a note without any', async () => {
    const note = observation();
    ({ db } = renderApp(`#/observe/${note.id}`, undefined, photosOff));
    await writeRecord(db, 'observation', note.id, note, { now: new Date() });
    await screen.findByRole('button', { name: /Finish observation/ });
    expect(screen.queryByRole('heading', { name: 'Photos' })).toBeNull();
  });
});
