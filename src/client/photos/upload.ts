import { photoHashesOf } from '../../shared/photo-rules';
import { MissingPhotosAnswer, PhotoUploaded } from '../../shared/photos';
import type { FieldIssue } from '../../shared/errors';
import type { Mutation, PushResponse, PushResult } from '../../shared/sync';
import type { ApiResult } from '../api/client';
import type { Batch } from '../data/outbox-batch';
import type { LocalPhoto, OutboxRow } from '../data/db';
import { requeueForPhotos } from '../data/photo-outbox';
import { heldHashes, markUploaded, notUploaded } from '../data/photos';
import { apiOf, failureFrom, SyncFailure, type EngineDeps } from '../sync/requests';

/** The server's /missing route takes at most this many hashes at once. */
const MISSING_CHUNK = 500;
/** A change sent back for its photos this often is left rejected (a server that keeps losing them). */
const MAX_PHOTO_RETRIES = 5;

const schoolOf = (data: unknown): string | null =>
  typeof data === 'object' &&
  data !== null &&
  'schoolId' in data &&
  typeof data.schoolId === 'string'
    ? data.schoolId
    : null;

/** Which of these hashes the server does not hold for this user. */
export async function askMissing(deps: EngineDeps, hashes: string[]): Promise<Set<string>> {
  const missing = new Set<string>();
  for (let i = 0; i < hashes.length; i += MISSING_CHUNK) {
    const answer = await apiOf(deps)(MissingPhotosAnswer, '/api/photos/missing', {
      method: 'POST',
      body: { hashes: hashes.slice(i, i + MISSING_CHUNK) },
    });
    if (!answer.ok) throw failureFrom(answer.error);
    for (const hash of answer.value.missing) missing.add(hash);
  }
  return missing;
}

/**
 * Uploads one photo. Resolves to the server's reason when it will not take the photo
 * from this user at all (403: the school turned photos off, or this user is not on
 * its staff): sending it again cannot help until something changes there.
 */
async function putPhoto(
  deps: EngineDeps,
  photo: LocalPhoto,
  schoolId: string,
): Promise<string | null> {
  const answer = await apiOf(deps)(
    PhotoUploaded,
    `/api/photos/${photo.hash}?school=${encodeURIComponent(schoolId)}`,
    { method: 'PUT', raw: { type: photo.type, data: photo.blob } },
  );
  if (!answer.ok && answer.error.status === 403) return answer.error.message;
  if (!answer.ok) throw failureFrom(answer.error);
  // 201 (stored now) and 200 (held already, e.g. after a lost answer) both mean "there".
  if (answer.value.hash !== photo.hash) {
    throw new SyncFailure('server', 'the server sent an answer we cannot read');
  }
  return null;
}

/** Photos the server refused for good, by hash, with its reason. */
type RefusedPhotos = ReadonlyMap<string, string>;

/**
 * Before a batch is pushed: every photo its rows name that this device has not seen
 * reach the server is uploaded, so the server never gets a record pointing at a
 * photo it lacks. `/missing` first spares the uploads an earlier, answer-lost
 * attempt already made. A failure throws, and the batch waits for the next sync.
 * A photo the server will not take at all is not a failure of the batch: it is
 * answered with the photos refused, whose notes stay on the device (`photoRefusals`)
 * while every other change in the batch goes.
 */
async function uploadPhotosOf(
  deps: EngineDeps,
  rows: readonly OutboxRow[],
): Promise<RefusedPhotos> {
  const refused = new Map<string, string>();
  const schoolByHash = new Map<string, string>();
  for (const row of rows) {
    if (row.op !== 'put') continue;
    const school = schoolOf(row.data);
    if (!school) continue;
    for (const hash of photoHashesOf(row.data)) schoolByHash.set(hash, school);
  }
  if (schoolByHash.size === 0) return refused;
  const waiting = await notUploaded(deps.db, [...schoolByHash.keys()]);
  if (waiting.length === 0) return refused;
  const missing = await askMissing(
    deps,
    waiting.map((p) => p.hash),
  );
  const held = waiting.filter((p) => !missing.has(p.hash)).map((p) => p.hash);
  await markUploaded(deps.db, held, 1);
  for (const photo of waiting) {
    if (!missing.has(photo.hash)) continue;
    const reason = await putPhoto(deps, photo, schoolByHash.get(photo.hash)!);
    if (reason === null) await markUploaded(deps.db, [photo.hash], 1);
    else refused.set(photo.hash, reason);
  }
  return refused;
}

/**
 * For each row, in order: why it is held on the device (a photo it names was refused
 * for good), or null to send it. The note is not sent without its photo behind the
 * author's back; they take the photo off (the photo strip says why), and that edit
 * goes like any other.
 */
function photoRefusals(
  rows: readonly OutboxRow[],
  refused: RefusedPhotos,
): Array<FieldIssue[] | null> {
  return rows.map((row) => {
    if (row.op !== 'put') return null;
    const reasons = [...new Set(photoHashesOf(row.data).flatMap((h) => refused.get(h) ?? []))];
    if (reasons.length === 0) return null;
    return reasons.map((reason) => ({
      path: 'photos',
      message: `${reason.replace(/\.$/, '')}: take the photos off this note to send it. Until then the note stays on this device.`,
    }));
  });
}

/** The server's refusal of a change (first answer or replayed), or null when it was not refused. */
const rejectionOf = (result: PushResult | undefined) => {
  const original = result?.status === 'duplicate' ? result.original : result;
  return original?.status === 'rejected' ? original : null;
};
/** Whether a refusal is (or, from its words, looks like) `photo_missing`. */
const photoMissingSaid = (result: PushResult | undefined) => {
  const original = rejectionOf(result);
  if (!original) return false;
  return (
    original.code === 'photo_missing' ||
    original.errors.some((e) => /photo/i.test(`${e.path} ${e.message}`))
  );
};

/**
 * After a batch's answers are applied: a change refused because the server lacks
 * one of its photos (`photo_missing`) goes back to waiting with its photos marked
 * for upload, never kept as a permanent rejection. The server is asked which photos
 * it lacks, so this does not depend on the words of its message.
 */
export async function retryPhotoMissing(
  deps: EngineDeps,
  rows: readonly OutboxRow[],
  results: readonly PushResult[],
): Promise<void> {
  const candidates = rows.filter((row, i) => {
    const rejection = rejectionOf(results[i]);
    return (
      rejection !== null &&
      // Refused for good (photos turned off): uploading again cannot help.
      rejection.code !== 'forbidden' &&
      row.attempts < MAX_PHOTO_RETRIES &&
      photoHashesOf(row.data).length > 0
    );
  });
  if (candidates.length === 0) return;
  const hashes = [...new Set(candidates.flatMap((row) => photoHashesOf(row.data)))];
  const held = await heldHashes(deps.db, hashes);
  // Asked after the answer was applied; if the network fails now, a refusal that
  // speaks of a photo is tried again all the same (the upload asks /missing first).
  const missing = await askMissing(deps, hashes).catch(
    () =>
      new Set(
        candidates
          .filter((row) => photoMissingSaid(results[rows.indexOf(row)]))
          .flatMap((row) => photoHashesOf(row.data)),
      ),
  );
  // Only a row whose missing photos this device can send is worth another try.
  const retry = candidates.filter((row) => {
    const lacking = photoHashesOf(row.data).filter((h) => missing.has(h));
    return lacking.length > 0 && lacking.every((h) => held.has(h));
  });
  await requeueForPhotos(
    deps.db,
    retry.flatMap((row) => (row.seq === undefined ? [] : [row.seq])),
    [...missing].filter((h) => held.has(h)),
  );
}

/**
 * Sends a batch the way it must go with photos: its photos first, then its changes
 * (`post`) but those held on the device because a photo they name was refused for
 * good. Answers for every row in order, a held row as refused with its reason, so it
 * is kept and shown like any refusal while the rest go. An upload that fails throws.
 */
export async function pushWithPhotos(
  deps: EngineDeps,
  batch: Batch,
  post: (mutations: Mutation[]) => Promise<ApiResult<PushResponse>>,
): Promise<ApiResult<PushResponse>> {
  const held = photoRefusals(batch.rows, await uploadPhotosOf(deps, batch.rows));
  const mutations = batch.mutations.filter((_, i) => !held[i]);
  const answer: ApiResult<PushResponse> =
    mutations.length === 0
      ? { ok: true, status: 200, value: { results: [] } }
      : await post(mutations);
  if (!answer.ok || held.every((h) => h === null)) return answer;
  const answered = answer.value.results;
  // A short answer is passed on whole: applying it refuses it with its own error.
  if (answered.length !== mutations.length) return answer;
  let next = 0;
  const results = batch.rows.map((row, i): PushResult => {
    const reasons = held[i];
    return reasons
      ? { mutationId: row.mutationId, status: 'rejected', code: 'forbidden', errors: reasons }
      : answered[next++]!;
  });
  return { ...answer, value: { results } };
}
