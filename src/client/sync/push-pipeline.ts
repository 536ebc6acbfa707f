import { PushResponse, type PushResult } from '../../shared/sync';
import type { OutboxRow } from '../data/db';
import {
  applyPushResults,
  DEFAULT_BATCH_BYTES,
  DEFAULT_BATCH_ROWS,
  recordKey,
  takeBatch,
  type Batch,
} from '../data/outbox-batch';
import type { ApiResult } from '../api/client';
import { apiOf, failureFrom, offline, type EngineDeps } from './requests';
// photos: loaded on the first push, so photo sync never weighs on the first screen.
const photoSync = () => import('../photos/upload');

/** A push's answer, or the failure of the photo uploads that must come first. */
type Sent = ApiResult<PushResponse> | { ok: false; thrown: unknown };

/** A batch on its way to the server. */
interface InFlight {
  batch: Batch;
  sending: Promise<Sent>;
}

type Answer =
  | { kind: 'answered'; results: PushResult[] }
  | { kind: 'too-large' }
  | { kind: 'failed'; failure: unknown };

/** Requests on their way at once: the device takes and settles batches while the server works. */
export const PUSHES_IN_FLIGHT = 2;

async function answerOf(item: InFlight): Promise<Answer> {
  const sent = await item.sending;
  if ('thrown' in sent) return { kind: 'failed', failure: sent.thrown };
  if (sent.ok) return { kind: 'answered', results: sent.value.results };
  if (sent.error.status === 413 && item.batch.rows.length > 1) return { kind: 'too-large' };
  return { kind: 'failed', failure: failureFrom(sent.error) };
}

/**
 * Pushes every waiting change in bounded batches, pipelined: up to two requests are
 * on their way while the device settles the answers to the one before, so the device
 * and the server no longer take turns. A batch never holds a record of a batch still
 * on its way or not yet settled, since its baseRev must move onto the revision that
 * batch's answer gives. A batch is taken, and so frozen, just before its request
 * leaves, and never while the device knows it is offline.
 */
export async function pushAll(deps: EngineDeps, clientId: string): Promise<number> {
  let size = deps.batchSize ?? DEFAULT_BATCH_ROWS;
  let bytes = deps.batchBytes ?? DEFAULT_BATCH_BYTES;
  let pushed = 0;
  const api = apiOf(deps);
  const inFlight: InFlight[] = [];
  let answered: { batch: Batch; results: PushResult[] } | null = null;
  const settle = async () => {
    if (!answered) return;
    const { batch, results } = answered;
    answered = null;
    await applyPushResults(deps.db, batch.rows, results);
    await (await photoSync()).retryPhotoMissing(deps, batch.rows, results); // photos:
    pushed += batch.rows.length;
  };
  const send = (batch: Batch): InFlight => ({
    batch,
    // photos: the batch's photos reach the server before the records naming them.
    sending: photoSync()
      .then((photos) =>
        photos.pushWithPhotos(deps, batch, (mutations) =>
          api(PushResponse, '/api/sync/push', { method: 'POST', body: { clientId, mutations } }),
        ),
      )
      .catch((thrown: unknown): Sent => ({ ok: false, thrown })),
  });
  /** After a failure: settle what the other requests on their way did get through. */
  const drain = async () => {
    for (const item of inFlight.splice(0)) {
      const answer = await answerOf(item);
      if (answer.kind === 'answered') {
        answered = { batch: item.batch, results: answer.results };
        await settle();
      }
    }
  };

  for (;;) {
    let offlineNow = false;
    while (inFlight.length < PUSHES_IN_FLIGHT) {
      if (deps.isOnline?.() === false) {
        offlineNow = true;
        break;
      }
      const held: OutboxRow[] = [
        ...inFlight.flatMap((item) => item.batch.rows),
        ...(answered?.batch.rows ?? []),
      ];
      const batch = await takeBatch(deps.db, clientId, size, bytes, new Set(held.map(recordKey)));
      if (batch.rows.length === 0) break;
      inFlight.push(send(batch));
    }
    const head = inFlight.shift();
    if (!head) {
      if (answered) {
        await settle();
        continue;
      }
      if (offlineNow) throw offline();
      return pushed;
    }
    await settle();
    const answer = await answerOf(head);
    if (answer.kind === 'too-large') {
      size = Math.max(1, Math.floor(head.batch.rows.length / 2));
      bytes = Math.max(1, Math.floor(bytes / 2));
      continue;
    }
    if (answer.kind === 'failed') {
      await drain();
      throw answer.failure;
    }
    answered = { batch: head.batch, results: answer.results };
  }
}
