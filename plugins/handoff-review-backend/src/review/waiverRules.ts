import { InputError } from '@backstage/errors';
import { withRefusal } from './refusal';
import { requireVisibleText } from './userText';

/** How far ahead a waiver may expire when `handoffReview.waiverMaxDays` is not set. */
export const DEFAULT_WAIVER_MAX_DAYS = 90;
export const WAIVER_REASON_MAX = 2000;

const DAY_MS = 86400_000;

/** The date `yyyy-mm-dd` names, or undefined when it is no calendar day (2027-02-30). */
function calendarDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? time
    : undefined;
}

/**
 * Checks a waiver's reason and expiry: visible text of bounded length, and a real
 * calendar day after today (UTC) and no later than `maxDays` from today.
 */
export function checkWaiver(
  waiver: { reason: string; expiresOn: string },
  now: Date,
  maxDays: number,
) {
  requireVisibleText('waiver-reason', waiver.reason, WAIVER_REASON_MAX);
  const expires = calendarDay(waiver.expiresOn);
  if (expires === undefined) {
    throw withRefusal(
      new InputError(
        `change.expiresOn must be a real date (YYYY-MM-DD), got '${waiver.expiresOn.slice(
          0,
          40,
        )}'`,
      ),
      { reason: 'waiver-date-invalid' },
    );
  }
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  if (expires <= today) {
    throw withRefusal(
      new InputError(
        `change.expiresOn must be a date after today (YYYY-MM-DD), got '${waiver.expiresOn}'`,
      ),
      { reason: 'waiver-date-not-after-today' },
    );
  }
  const latest = today + maxDays * DAY_MS;
  if (expires > latest) {
    const latestDay = new Date(latest).toISOString().slice(0, 10);
    throw withRefusal(
      new InputError(
        `change.expiresOn must be no later than ${latestDay} (waivers last at most ${maxDays} days), got '${waiver.expiresOn}'`,
      ),
      { reason: 'waiver-date-too-late', latest: latestDay, maxDays },
    );
  }
}
