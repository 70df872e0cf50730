import { z } from 'zod';

/** A text a user writes in a change: a comment, or the reason for a waiver. */
const userTextFieldSchema = z.enum(['comment', 'waiver-reason']);

/**
 * Why the backend refused a change to a review (opening one, reading it for its history
 * or export included), as data on its error (the response body's `error`, next to the
 * English `message`), for the portal to say it in its user's language. A portal that
 * does not know a reason (a newer backend's) shows the message.
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
  z.object({
    reason: z.literal('policy-refused'),
    /** The permission the policy refuses, e.g. `handoff-review.waive`. */
    permission: z.string(),
    entityRef: z.string(),
  }),
  z.object({ reason: z.literal('no-owner'), entityRef: z.string() }),
  z.object({ reason: z.literal('unknown-item'), itemId: z.string() }),
  z.object({ reason: z.literal('item-checked-by-engine'), itemId: z.string() }),
  z.object({
    reason: z.literal('text-not-visible'),
    field: userTextFieldSchema,
  }),
  z.object({
    reason: z.literal('text-too-long'),
    field: userTextFieldSchema,
    length: z.number(),
    max: z.number(),
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
