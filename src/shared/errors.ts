import * as z from 'zod/mini';

/** Codes a program can act on. Every error the API sends uses one of them. */
export const errorCodes = [
  'bad_json',
  'invalid_request',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'conflict',
  'too_many_requests',
  'unsupported_media_type',
  'not_found',
  'method_not_allowed',
  'internal',
  'busy',
  'timeout',
  'photo_missing',
  'hash_mismatch',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The one error shape shared by server and client: `{ error: { code, message, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.optional(z.array(FieldIssue)),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export function errorBody(code: ErrorCode, message: string, details?: FieldIssue[]): ErrorBody {
  return details && details.length > 0
    ? { error: { code, message, details } }
    : { error: { code, message } };
}

/** Turns zod issues into path/message pairs a person can read. */
export function issuesToFields(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
