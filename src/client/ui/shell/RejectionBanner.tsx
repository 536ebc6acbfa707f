import type { FieldIssue } from '../../../shared/errors';

/** The server's reasons for refusing a record, kept beside the record on this device. */
export function RejectionBanner({
  title,
  rejections,
  advice,
}: {
  title: string;
  rejections: FieldIssue[];
  advice?: string;
}) {
  if (rejections.length === 0) return null;
  return (
    <div class="banner attention" role="alert">
      <h3>{title}</h3>
      <ul>
        {rejections.map((r) => (
          <li key={`${r.path}:${r.message}`}>
            {r.path}: {r.message}
          </li>
        ))}
      </ul>
      {advice && <p>{advice}</p>}
    </div>
  );
}
