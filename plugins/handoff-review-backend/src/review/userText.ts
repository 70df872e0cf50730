import { InputError } from '@backstage/errors';
import type { ChangeRefusal } from '@diehard/plugin-handoff-review-common';
import { withRefusal } from './refusal';

// Characters that show nothing: spaces and separators, controls, format characters
// (zero-width spaces and joiners, bidi marks, BOM), combining marks alone, and the
// blank "letters" (Hangul fillers, braille blank).
const INVISIBLE =
  /[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** A text a user writes in a change. */
export type UserTextField = Extract<
  ChangeRefusal,
  { reason: 'text-not-visible' }
>['field'];

/** Each text's field in the request, as the (English) messages name it. */
const REQUEST_FIELDS: Record<UserTextField, string> = {
  comment: 'change.text',
  'waiver-reason': 'change.reason',
};

/** Whether `text` has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** Refuses a text without a visible character or longer than `max`, naming the field. */
export function requireVisibleText(
  field: UserTextField,
  text: string,
  max: number,
) {
  const name = REQUEST_FIELDS[field];
  if (!hasVisibleText(text)) {
    throw withRefusal(new InputError(`${name} must contain visible text`), {
      reason: 'text-not-visible',
      field,
    });
  }
  if (text.length > max) {
    throw withRefusal(
      new InputError(
        `${name} is too long: ${text.length} characters, at most ${max}`,
      ),
      { reason: 'text-too-long', field, length: text.length, max },
    );
  }
}
