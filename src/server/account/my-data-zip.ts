import { Zip, ZipPassThrough, strToU8 } from 'fflate';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PhotoStore } from '../photos/store';

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** Where a photo sits in the My data zip, as the JSON in it names it. */
export const photoFileName = (hash: string, type: string) =>
  `photos/${hash}.${extensions[type] ?? 'bin'}`;

interface ZipContents {
  photos: ReadonlyArray<{ hash: string; type: string; file: string }>;
}

/**
 * My data as a zip: `lookfor-my-data.json` and every photo the user sent under
 * `photos/`. Photos are stored, not deflated (they are compressed already), and
 * streamed one at a time, so a user with many photos never sits in memory whole.
 */
export function myDataZip(
  db: Kysely<Database>,
  store: PhotoStore,
  data: ZipContents,
): ReadableStream<Uint8Array> {
  let zip: Zip;
  let next = 0;
  const add = (name: string, bytes: Uint8Array) => {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(bytes, true);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      add('lookfor-my-data.json', strToU8(JSON.stringify(data, null, 2)));
    },
    // One photo per pull: the reader's pace decides how much is read from the store.
    async pull() {
      const photo = data.photos[next++];
      if (!photo) return zip.end();
      const bytes = await store.read(db, photo.hash);
      if (bytes) add(photo.file, bytes);
    },
  });
}
