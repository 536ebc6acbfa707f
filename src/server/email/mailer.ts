import nodemailer from 'nodemailer';
import type { OutgoingEmail } from './outbox';

/** Hands one message to a mail server; throws when the server did not take it. */
export type SendEmail = (message: OutgoingEmail) => Promise<void>;

/**
 * SMTP through nodemailer. Timeouts stay well inside the worker's claim on a row,
 * so a hung server cannot make another process send the same message meanwhile.
 * The outbox id becomes the Message-ID, so a mail system can tell a repeat apart.
 */
export function smtpSender(
  smtpUrl: string,
  from: string,
  messageIdDomain: string,
): { send: SendEmail; close: () => void } {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.id}@${messageIdDomain}>`,
        ...(message.attachment ? { attachments: [message.attachment] } : {}),
      });
    },
    close: () => transport.close(),
  };
}
