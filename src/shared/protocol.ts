import * as z from 'zod/mini';

/** The three answers a blast look-for takes. */
export const SeenResponse = z.enum(['seen', 'not_seen', 'na']);
export type SeenResponse = z.infer<typeof SeenResponse>;

export const responseLabels: Record<SeenResponse, string> = {
  seen: 'Seen',
  not_seen: 'Not seen',
  na: 'N/A',
};

export const protocolKinds = [
  'blast_walkthrough',
  'peer_observation',
  'coaching_visit',
  'instructional_rounds',
] as const;

export const LookFor = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
  text: z.string().check(z.minLength(1), z.maxLength(300)),
  hint: z.optional(z.string().check(z.maxLength(500))),
  responseType: z.literal('seen_not_seen'),
});
export type LookFor = z.infer<typeof LookFor>;

/** A minimal protocol: enough for the built-in Blast Walkthrough. The full model comes later. */
export const Protocol = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
  version: z.int().check(z.positive()),
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  purpose: z.string().check(z.maxLength(1000)),
  kind: z.enum(protocolKinds),
  lookFors: z.array(LookFor).check(z.minLength(1), z.maxLength(100)),
});
export type Protocol = z.infer<typeof Protocol>;
