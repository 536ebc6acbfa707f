import { createHash } from 'node:crypto';
import type { PreparedPhoto } from '../../src/client/data/photos';
import { photoHashesOf } from '../../src/shared/photo-rules';
import type { PhotoRef } from '../../src/shared/photos';
import type { Mutation, OriginalResult, PushResult } from '../../src/shared/sync';

let counter = 0;

/** A photo as prepare.ts would hand it over: some JPEG-typed bytes and their real hash. */
export function preparedPhoto(text = `photo ${++counter}`): PreparedPhoto {
  const bytes = new TextEncoder().encode(text);
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    type: 'image/jpeg',
    bytes: bytes.byteLength,
    width: 1600,
    height: 1200,
  };
}

export function photoRef(prepared: PreparedPhoto, caption = ''): PhotoRef {
  const { hash, type, bytes, width, height } = prepared;
  return { hash, type, bytes, width, height, caption, addedAt: '2026-11-23T09:00:00.000Z' };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A server that speaks the photo contract (upload, /missing, push refusing a record
 * whose photo it lacks with `photo_missing`) in memory, and logs every request.
 */
export function fakePhotoServer() {
  const photos = new Map<string, Uint8Array>();
  const answered = new Map<string, OriginalResult>();
  const log: string[] = [];
  let rev = 0;
  const server = {
    photos,
    log,
    /** The next answer to a request whose log line starts with this is lost on the way back. */
    loseAnswerTo: null as string | null,
    /** /missing names every hash asked about (as a server that lost track would). */
    missingForgets: false,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input : input.url,
      );
      const line = `${init?.method ?? 'GET'} ${url.pathname}`;
      log.push(line);
      const response = await answer(line, url, init);
      if (server.loseAnswerTo && line.startsWith(server.loseAnswerTo)) {
        server.loseAnswerTo = null;
        throw new TypeError('Failed to fetch');
      }
      return response;
    }) as typeof fetch,
  };

  async function answer(line: string, url: URL, init?: RequestInit): Promise<Response> {
    if (line === 'POST /api/photos/missing') {
      const { hashes } = JSON.parse(String(init?.body)) as { hashes: string[] };
      return json(200, { missing: hashes.filter((h) => server.missingForgets || !photos.has(h)) });
    }
    if (line.startsWith('PUT /api/photos/')) {
      const hash = url.pathname.split('/').at(-1)!;
      const bytes = new Uint8Array(await new Response(init?.body as Blob).arrayBuffer());
      if (createHash('sha256').update(bytes).digest('hex') !== hash) {
        return json(400, { error: { code: 'hash_mismatch', message: 'The bytes do not match' } });
      }
      const stored = !photos.has(hash);
      photos.set(hash, bytes);
      return json(stored ? 201 : 200, { hash, bytes: bytes.byteLength, stored });
    }
    if (line === 'POST /api/sync/push') {
      const { mutations } = JSON.parse(String(init?.body)) as { mutations: Mutation[] };
      const results: PushResult[] = mutations.map((m) => {
        const before = answered.get(m.mutationId);
        if (before) return { mutationId: m.mutationId, status: 'duplicate', original: before };
        const lacking = photoHashesOf(m.data).filter((h) => !photos.has(h));
        const result: OriginalResult =
          lacking.length > 0
            ? {
                mutationId: m.mutationId,
                status: 'rejected',
                code: 'photo_missing',
                errors: [
                  {
                    path: 'photos',
                    message: `The photo ${lacking[0]!.slice(0, 8)} is not on the server`,
                  },
                ],
              }
            : { mutationId: m.mutationId, status: 'applied', rev: ++rev, serverSeq: rev };
        answered.set(m.mutationId, result);
        return result;
      });
      return json(200, { results });
    }
    if (line === 'GET /api/sync/pull') {
      return json(200, { changes: [], cursor: rev, hasMore: false, reset: false });
    }
    return json(404, { error: { code: 'not_found', message: 'Not here' } });
  }
  return server;
}
