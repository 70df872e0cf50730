import type { ChangeRefusal } from '@diehard/plugin-handoff-review-common';

/**
 * `error` carrying why, as data: the error handler writes an error's own fields into
 * the response's `error`, where the portal reads it to say it in its user's language.
 */
export function withRefusal<E extends Error>(
  error: E,
  refusal: ChangeRefusal,
): E {
  return Object.assign(error, refusal);
}
