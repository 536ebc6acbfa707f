import * as z from 'zod/mini';

/** A coach a teacher may invite to a visit. */
export const Coach = z.object({ schoolId: z.string(), id: z.string(), name: z.string() });
export type Coach = z.infer<typeof Coach>;

/** `GET /api/visits/coaches` */
export const CoachList = z.object({ coaches: z.array(Coach) });
