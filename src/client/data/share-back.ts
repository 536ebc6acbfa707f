import { RoundShareClock, ShareClockList } from '../../shared/answers/share-back';
import { api } from '../api/client';

/** What a read or a share came to: the answer, or a message to show. */
export type ShareBackResult<T> = { ok: true; value: T } | { ok: false; message: string };

const offline = 'No connection: the share-back clock needs the network.';

async function call<T>(read: ReturnType<typeof api<T>>): Promise<ShareBackResult<T>> {
  const result = await read;
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, message: result.error.code === 'offline' ? offline : result.error.message };
}

/** The clocks of a school's closed rounds (its leaders only). */
export const schoolClocks = (schoolId: string) =>
  call(
    api(ShareClockList, `/api/share-back/rounds?${new URLSearchParams({ schoolId }).toString()}`),
  );

/** Every school's clocks (district admins only). */
export const districtClocks = () => call(api(ShareClockList, '/api/share-back/district'));

/** Shares a closed round's summary with staff: stops its clock. */
export const shareRoundSummary = (roundId: string) =>
  call(
    api(RoundShareClock, `/api/share-back/rounds/${encodeURIComponent(roundId)}/share`, {
      method: 'POST',
      body: {},
    }),
  );
