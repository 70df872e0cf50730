import { checkWaiver } from './waiverRules';

const now = new Date('2026-11-20T10:00:00Z');
const waive =
  (reason: string, expiresOn: string, maxDays = 90) =>
  () =>
    checkWaiver({ reason, expiresOn }, now, maxDays);

describe('a waiver', () => {
  it('needs a reason with visible text, of bounded length', () => {
    for (const reason of [
      '',
      '   ',
      '\u200B',
      '\u200B\u200C\u200D\u2060\uFEFF',
      '\n\t\u00A0\u3000',
      '\u3164\u2800',
      '\u0301\u0301',
    ]) {
      expect(waive(reason, '2026-12-01')).toThrow(
        'change.reason must contain visible text',
      );
    }
    expect(waive('x'.repeat(2001), '2026-12-01')).toThrow(
      'change.reason is too long: 2001 characters, at most 2000',
    );
    expect(waive('\u200Bok\u200B', '2026-12-01')).not.toThrow();
  });

  it('expires on a real calendar day', () => {
    for (const expiresOn of [
      '9999-99-99',
      '2027-02-30',
      '2026-11-31',
      '2026-13-01',
      '2026-12-1',
      '20261201',
      '2026-12-01T00:00:00Z',
      'tomorrow',
    ]) {
      expect(waive('ok', expiresOn)).toThrow(
        `change.expiresOn must be a real date (YYYY-MM-DD), got '${expiresOn}'`,
      );
    }
    expect(waive('ok', '2028-02-29', 1000)).not.toThrow();
  });

  it('expires after today and no later than the configured maximum', () => {
    expect(waive('ok', '2026-11-20')).toThrow(
      "change.expiresOn must be a date after today (YYYY-MM-DD), got '2026-11-20'",
    );
    expect(waive('ok', '2026-11-21')).not.toThrow();
    expect(waive('ok', '2027-02-18')).not.toThrow();
    expect(waive('ok', '2027-02-19')).toThrow(
      "change.expiresOn must be no later than 2027-02-18 (waivers last at most 90 days), got '2027-02-19'",
    );
    expect(waive('ok', '2026-11-28', 7)).toThrow(/no later than 2026-11-27/);
  });

  it('says why its reason or date is refused as data too, for the portal to say it in French', () => {
    const refusalOf = (check: () => void) => {
      try {
        check();
      } catch (error) {
        return { ...(error as object) };
      }
      throw new Error('the waiver was not refused');
    };
    expect(refusalOf(waive('\u200B ', '2026-12-01'))).toEqual({
      name: 'InputError',
      reason: 'text-not-visible',
      field: 'waiver-reason',
    });
    expect(refusalOf(waive('x'.repeat(2001), '2026-12-01'))).toEqual({
      name: 'InputError',
      reason: 'text-too-long',
      field: 'waiver-reason',
      length: 2001,
      max: 2000,
    });
    expect(refusalOf(waive('ok', '2026-11-31'))).toMatchObject({
      name: 'InputError',
      reason: 'waiver-date-invalid',
    });
    expect(refusalOf(waive('ok', '2026-11-20'))).toMatchObject({
      name: 'InputError',
      reason: 'waiver-date-not-after-today',
    });
    expect(refusalOf(waive('ok', '2027-02-19'))).toEqual({
      name: 'InputError',
      reason: 'waiver-date-too-late',
      latest: '2027-02-18',
      maxDays: 90,
    });
  });
});
