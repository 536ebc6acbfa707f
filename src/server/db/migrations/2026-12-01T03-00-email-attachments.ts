import type { Kysely } from 'kysely';

/**
 * One optional attachment per queued email (a visit's .ics): its file name, media
 * type and text. Like the body, the attachment is erased once the message is sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('attachment_name', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('attachment_type', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('attachment_text', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('email_outbox').dropColumn('attachment_text').execute();
  await db.schema.alterTable('email_outbox').dropColumn('attachment_type').execute();
  await db.schema.alterTable('email_outbox').dropColumn('attachment_name').execute();
}
