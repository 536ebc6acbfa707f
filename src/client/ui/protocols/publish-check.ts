import { issuesToFields, type FieldIssue } from '../../../shared/errors';
import { Protocol } from '../../../shared/protocol';
import { publishProblems } from '../../../shared/protocol-rules';

/** Everything that stands between a draft and publishing, by field path. */
export function publishCheck(draft: Protocol): FieldIssue[] {
  const strict = Protocol.safeParse({
    ...draft,
    status: 'published',
    publishedAt: draft.updatedAt,
  });
  return [...(strict.success ? [] : issuesToFields(strict.error)), ...publishProblems(draft)];
}

export function byPath(issues: FieldIssue[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const issue of issues) map[issue.path] ??= issue.message;
  return map;
}
