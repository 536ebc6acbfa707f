import * as z from 'zod/mini';

/** Audit entries per page of the audit log screen. */
export const AUDIT_PAGE_SIZE = 50;
/** The CSV export holds at most this many entries (the newest that match). */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** The actions written to the audit log, with how the audit screen names them. */
export const auditActionLabels: Record<string, string> = {
  setup: 'First set-up',
  'school.created': 'School created',
  'invite.created': 'Invite created',
  'invite.accepted': 'Invite accepted',
  'invite.revoked': 'Invite revoked',
  'invite.resent': 'Invite resent',
  'role.changed': 'Role changed',
  'staff.moved': 'Moved to another school',
  'staff.deactivated': 'Deactivated',
  'staff.reactivated': 'Reactivated',
  'password-reset.requested': 'Password reset requested',
  'password.reset': 'Password reset',
  'settings.passwords': 'Password sign-in turned on or off',
  'email.retried': 'Email sent again',
  'settings.retention': 'Retention periods changed',
  'retention.deleted': 'Data past its retention period deleted',
  'person.erased': "Person's data deleted on request",
  'roster.imported': 'OneRoster import',
  'roster.school-linked': 'School linked to a OneRoster org',
  'school.renamed': 'School renamed',
  'roster.person-added': 'Added from OneRoster',
  'roster.person-changed': 'Changed by OneRoster',
};

const Day = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date like 2026-11-30' }));

/** The audit log's filters, as query parameters (every one optional). */
export const AuditQuery = z
  .object({
    actorId: z.optional(z.uuid({ error: 'Pick a person from the list' })),
    action: z.optional(
      z.string().check(z.regex(/^[a-z.-]{1,60}$/, { error: 'Pick an action from the list' })),
    ),
    from: z.optional(Day),
    to: z.optional(Day),
    page: z.optional(
      z.string().check(z.regex(/^[1-9]\d{0,5}$/, { error: 'Page must be a whole number from 1' })),
    ),
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, {
      error: 'The first day must not be after the last day',
      path: ['to'],
    }),
  );
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.nullable(z.string()),
  actorName: z.nullable(z.string()),
  action: z.string(),
  subject: z.string(),
  /** The person or school the entry is about, when its subject is one. */
  subjectName: z.nullable(z.string()),
  details: z.nullable(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  page: z.number(),
  pageCount: z.number(),
  total: z.number(),
  /** Everyone who appears as an actor, for the person filter. */
  actors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** The audit log's columns in the CSV export. */
export const auditCsvColumns = ['When (UTC)', 'Who', 'Action', 'About', 'Details'] as const;

export const auditCsvRow = (e: AuditEntry): string[] => [
  e.at,
  e.actorName ?? e.actorId ?? '',
  auditActionLabels[e.action] ?? e.action,
  e.subjectName ?? e.subject,
  e.details ?? '',
];
