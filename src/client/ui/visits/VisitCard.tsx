import type { Visit } from '../../../shared/visits';
import { visitWhen } from './format';
import { visitHref } from './visit-route';

/** Where a visit stands, in a word or two. */
export function visitStatus(v: Visit, userId: string): string {
  if (v.cancelled) return 'Cancelled';
  if (v.kind === 'coaching')
    return v.hostId === userId ? `Coach: ${v.observerName}` : 'Invited you';
  if (v.observerId === null) return 'Open';
  if (v.observerId === userId) return 'You visit';
  return `Booked: ${v.observerName}`;
}

/** One visit in a list, linking to its page. */
export function VisitCard({ visit: v, userId }: { visit: Visit; userId: string }) {
  const kind = v.kind === 'peer' ? 'Peer visit' : 'Coaching visit';
  return (
    <a class="card" href={visitHref({ screen: 'visit', id: v.id })}>
      <span class="card-title">
        {kind} · {v.hostId === userId ? 'your room' : v.hostName}, {v.place}
      </span>
      <span class="card-meta">{visitWhen(v)}</span>
      <span class={`badge ${v.cancelled ? 'badge-rejected' : 'badge-waiting'}`}>
        {visitStatus(v, userId)}
      </span>
    </a>
  );
}
