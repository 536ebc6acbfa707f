import type { Generated } from 'kysely';

/**
 * Tables as Kysely sees them. Types are kept to what both SQLite and PostgreSQL
 * store the same way: text, integer, and JSON as text; booleans as 0/1.
 */
export interface CountersTable {
  name: string;
  value: number;
}

export interface RecordsTable {
  entity: string;
  entity_id: string;
  rev: number;
  deleted: number;
  data: string | null;
  server_seq: number;
  updated_at: string;
  updated_by: string;
  /** The user the record belongs to; null for records every user may read. */
  owner_id: string | null;
  /** The school the record belongs to, when it belongs to one. */
  school_id: string | null;
  /** Who may read it: `owner` (and `reader_id`), `school` (its members) or `all`. */
  audience: string;
  /** A second reader beside the owner: the host of a shared note, the coach of an invitation. */
  reader_id: string | null;
}

export interface ConflictsTable {
  id: string;
  entity: string;
  entity_id: string;
  base_rev: number | null;
  data: string | null;
  deleted: number;
  mutation_id: string;
  client_id: string;
  created_at: string;
  resolved_at: string | null;
  server_seq: number;
  owner_id: string | null;
  school_id: string | null;
  audience: string;
  reader_id: string | null;
}

export interface MutationsTable {
  mutation_id: string;
  client_id: string;
  client_seq: number;
  entity: string;
  entity_id: string;
  status: string;
  /** The original result, returned again for a replay. */
  result: string;
  /** The raw mutation, kept for rejected ones so nothing a user typed is lost. */
  payload: string | null;
  received_at: string;
}

export interface SchoolsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  district_admin: number;
  created_at: string;
  /** Set while the person is deactivated: no sign-in of any kind. */
  deactivated_at: string | null;
  last_sign_in_at: string | null;
}

export interface MembershipsTable {
  user_id: string;
  school_id: string;
  role: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a stolen database holds no usable session. */
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface InvitesTable {
  token_hash: string;
  school_id: string | null;
  role: string;
  name: string | null;
  email: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  /** Set when an admin revoked (or resent, so replaced) the invite. */
  revoked_at: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface TrustedDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: string;
}

export interface EmailOutboxTable {
  id: string;
  /** invite, password-reset, … */
  kind: string;
  to_address: string;
  subject: string;
  /** Erased once the message is sent: it may hold a single-use link (kept when given up, to retry). */
  text_body: string | null;
  html_body: string | null;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  /** A worker owns the row until then; a crashed worker's claim runs out. */
  claimed_until: string | null;
  sent_at: string | null;
  /** Set when the last allowed attempt failed. */
  failed_at: string | null;
  last_error: string | null;
  /** One optional attachment (a visit's .ics), erased with the body once sent. */
  attachment_name: string | null;
  attachment_type: string | null;
  attachment_text: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginAttemptsTable {
  key: string;
  failures: number;
  window_started_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  subject: string;
  details: string | null;
}

/** One finished walkthrough visit, for the dashboard: no observer, room or teacher. */
export interface ObservationVisitsTable {
  observation_id: string;
  school_id: string;
  round_id: string | null;
  protocol_id: string;
  protocol_version: number;
  grade_band: string;
  subject: string;
  /** The UTC date the visit started, YYYY-MM-DD. */
  observed_on: string;
  notes: string;
  /** A calibration round's room id; null for every other visit. */
  room_key: string | null;
  /** 0 for a calibration visit to a room another visit already counts (it leaves no facts). */
  counted: Generated<number>;
}

/** One answered look-for of a finished walkthrough visit. */
export interface ObservationFactsTable {
  observation_id: string;
  look_for_id: string;
  school_id: string;
  round_id: string | null;
  protocol_id: string;
  protocol_version: number;
  grade_band: string;
  subject: string;
  observed_on: string;
  /** seen, not_seen, na, level, count, quote, choice or text. */
  answer: string;
  seen: number;
  not_seen: number;
  na: number;
  level_id: string | null;
  tally: number | null;
  has_quote: number;
  quote: string | null;
}

/** Seen answers summed per school, protocol, round ('' for none), day and look-for. */
export interface ObservationFactTotalsTable {
  school_id: string;
  protocol_id: string;
  round_id: string;
  observed_on: string;
  look_for_id: string;
  seen: number;
  not_seen: number;
  na: number;
}

export interface SchoolResultSettingsTable {
  school_id: string;
  share_with_staff: number;
  updated_at: string;
  updated_by: string;
}

/** A school's own judgement words for the note nudges; no row: the starter list. */
export interface SchoolNudgesTable {
  school_id: string;
  /** A NudgeList as JSON. */
  words: string;
  updated_by: string;
  updated_at: string;
}

/** A note or quote (maybe trimmed) a leader chose for the staff view of a round. */
export interface StaffEvidenceTable {
  id: string;
  school_id: string;
  round_id: string;
  /** 'note' or 'quote'. */
  kind: string;
  /** The look-for a quote answers; null for a note. */
  look_for_id: string | null;
  text: string;
  picked_by: string;
  picked_at: string;
}

/** One photo, named by the SHA-256 of its bytes; `data` only with PHOTO_STORE=database. */
export interface PhotosTable {
  hash: string;
  uploaded_by: string;
  school_id: string;
  type: string;
  bytes: number;
  width: number;
  height: number;
  created_at: string;
  unreferenced_at: string | null;
  data: Uint8Array | null;
}

/** Who has sent a photo's bytes (each may then put it on their records). */
export interface PhotoUploadsTable {
  hash: string;
  user_id: string;
  created_at: string;
}

/** A record whose `photos` name a photo; kept in step with the record on push. */
export interface PhotoRefsTable {
  hash: string;
  entity: string;
  entity_id: string;
}

export interface SchoolPhotoSettingsTable {
  school_id: string;
  photos_allowed: number;
  updated_at: string;
  updated_by: string;
}

/** A round's share-back clock: closed and first shared with staff (issue #15). */
export interface RoundShareBackTable {
  round_id: string;
  school_id: string;
  /** When the round was closed; null while it is open (reopened). */
  closed_at: string | null;
  /** When its summary was first shared with staff; null until then. */
  shared_at: string | null;
  shared_by: string | null;
}

export interface DistrictSettingsTable {
  /** `passwords`: 'on' or 'off'; `share-clock`: the ShareClockSettings as JSON. */
  name: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

/** A single sign-on begun in a browser, for ten minutes; found by its cookie's hash. */
export interface SsoAttemptsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
}

/** A leader's target for a look-for: for one round, or a school year of a protocol. */
export interface ResultTargetsTable {
  school_id: string;
  protocol_id: string;
  look_for_id: string;
  /** 'round' or 'year'. */
  scope: string;
  /** The round id, or a school year like '2026-2027'. */
  scope_key: string;
  percent: number;
  set_by: string;
  set_at: string;
}

/** Which school a OneRoster org became. */
export interface RosterOrgsTable {
  source_id: string;
  school_id: string;
  linked_at: string;
}

/** A staff member a OneRoster import brought in, by their `sourcedId`. */
export interface RosterPeopleTable {
  source_id: string;
  name: string;
  email: string;
  /** JSON: { [org sourcedId]: 'teacher' | 'coach' | 'principal' }. */
  assignments: string;
  /** The account the import linked (an existing one); invitees are found by their invite. */
  user_id: string | null;
  invite_hash: string | null;
  active: number;
  updated_at: string;
}

export interface Database {
  schools: SchoolsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  setup_tokens: SetupTokensTable;
  login_attempts: LoginAttemptsTable;
  trusted_devices: TrustedDevicesTable;
  audit_log: AuditLogTable;
  counters: CountersTable;
  records: RecordsTable;
  conflicts: ConflictsTable;
  mutations: MutationsTable;
  observation_visits: ObservationVisitsTable;
  observation_facts: ObservationFactsTable;
  observation_fact_totals: ObservationFactTotalsTable;
  school_result_settings: SchoolResultSettingsTable;
  school_nudges: SchoolNudgesTable;
  staff_evidence: StaffEvidenceTable;
  result_targets: ResultTargetsTable;
  email_outbox: EmailOutboxTable;
  password_resets: PasswordResetsTable;
  photos: PhotosTable;
  photo_uploads: PhotoUploadsTable;
  photo_refs: PhotoRefsTable;
  school_photo_settings: SchoolPhotoSettingsTable;
  district_settings: DistrictSettingsTable;
  round_share_back: RoundShareBackTable;
  sso_attempts: SsoAttemptsTable;
  roster_orgs: RosterOrgsTable;
  roster_people: RosterPeopleTable;
}
