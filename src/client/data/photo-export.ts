import type { LookforDb } from './db';
import { unsentPhotos } from './photos';

/** A photo in "Export unsent": its bytes as a data URL, so the one JSON file holds all. */
export interface ExportedPhoto {
  hash: string;
  type: string;
  width: number;
  height: number;
  dataUrl: string;
}

export async function dataUrlOf(blob: Blob, type: string): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: one String.fromCharCode call over 400 KB would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:${type};base64,${btoa(binary)}`;
}

/** The photos the server has not been seen to hold yet, ready for the export file. */
export async function exportUnsentPhotos(db: LookforDb): Promise<ExportedPhoto[]> {
  const photos = await unsentPhotos(db);
  return Promise.all(
    photos.map(async (p) => ({
      hash: p.hash,
      type: p.type,
      width: p.width,
      height: p.height,
      dataUrl: await dataUrlOf(p.blob, p.type),
    })),
  );
}
