import * as z from 'zod/mini';

export const isoDateTime = z.iso.datetime({ offset: true, error: 'Must be an ISO date-time' });
