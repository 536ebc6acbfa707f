import { roleLabels, type SchoolRole } from '../../shared/accounts';

/** One message: a short plain-text part, and the same words as simple HTML. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Paragraphs of text, with at most one link after the first, laid out the same in both parts. */
export function compose(
  subject: string,
  paragraphs: string[],
  link: { label: string; href: string } | null,
): EmailContent {
  const linkText = link ? [`${link.label}:\n${link.href}`] : [];
  const text = [...paragraphs.slice(0, 1), ...linkText, ...paragraphs.slice(1)]
    .join('\n\n')
    .concat('\n\n-- \nLookfor\n');
  const html = [
    `<p>${escape(paragraphs[0] ?? '')}</p>`,
    ...(link ? [`<p><a href="${escape(link.href)}">${escape(link.label)}</a></p>`] : []),
    ...paragraphs.slice(1).map((p) => `<p>${escape(p)}</p>`),
    '<p style="color:#555">Lookfor</p>',
  ].join('\n');
  return {
    subject,
    text,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">\n${html}\n</body></html>\n`,
  };
}

const dayOf = (iso: string) => iso.slice(0, 10);

export function inviteEmail(invite: {
  inviterName: string;
  role: SchoolRole | 'district_admin';
  schoolName: string | null;
  link: string;
  expiresAt: string;
}): EmailContent {
  const role = roleLabels[invite.role];
  const where = invite.schoolName ? ` at ${invite.schoolName}` : '';
  return compose(
    'You are invited to Lookfor',
    [
      `${invite.inviterName} invited you to Lookfor as ${role.toLowerCase()}${where}.`,
      `The link works once, until ${dayOf(invite.expiresAt)}. If you did not expect this email, you can ignore it.`,
    ],
    { label: 'Create your account', href: invite.link },
  );
}

export function passwordResetEmail(reset: { name: string; link: string }): EmailContent {
  return compose(
    'Reset your Lookfor password',
    [
      `Hello ${reset.name}, someone (we hope you) asked to reset your Lookfor password.`,
      'The link works once, for one hour, and signs you out on every device. If you did not ask for it, ignore this email: your password stays as it is.',
    ],
    { label: 'Choose a new password', href: reset.link },
  );
}
