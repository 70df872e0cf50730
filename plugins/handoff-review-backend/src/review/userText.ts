import { InputError } from '@backstage/errors';

// Characters that show nothing: spaces and separators, controls, format characters
// (zero-width spaces and joiners, bidi marks, BOM), combining marks alone, and the
// blank "letters" (Hangul fillers, braille blank).
const INVISIBLE =
  /[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** Whether `text` has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** Refuses a text without a visible character or longer than `max`, naming the field. */
export function requireVisibleText(field: string, text: string, max: number) {
  if (!hasVisibleText(text)) {
    throw new InputError(`${field} must contain visible text`);
  }
  if (text.length > max) {
    throw new InputError(
      `${field} is too long: ${text.length} characters, at most ${max}`,
    );
  }
}
