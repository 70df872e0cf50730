import { z } from 'zod';

/**
 * Why the backend refused a change to a review, as data on its error (the response
 * body's `error`, next to the English `message`), for the portal to say it in its
 * user's language.
 *
 * @public
 */
export const changeRefusalSchema = z.discriminatedUnion('reason', [
  z.object({
    reason: z.literal('version-conflict'),
    expectedVersion: z.number(),
    version: z.number(),
  }),
  z.object({
    reason: z.literal('sign-off-blocked'),
    itemIds: z.array(z.string()),
  }),
  z.object({
    reason: z.literal('not-member'),
    side: z.enum(['dev', 'ops']),
    group: z.string(),
  }),
  z.object({ reason: z.literal('waiver-date-invalid') }),
  z.object({ reason: z.literal('waiver-date-not-after-today') }),
  z.object({
    reason: z.literal('waiver-date-too-late'),
    latest: z.string(),
    maxDays: z.number(),
  }),
]);

/**
 * Why a change to a review was refused (see {@link changeRefusalSchema}).
 *
 * @public
 */
export type ChangeRefusal = z.infer<typeof changeRefusalSchema>;
