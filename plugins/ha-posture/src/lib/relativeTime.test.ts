import { formatRelativeTime } from './relativeTime';

const now = Date.parse('2026-12-07T12:00:00Z');

describe('formatRelativeTime', () => {
  it('says how long ago, in words, in the reader’s language', () => {
    expect(formatRelativeTime('2026-12-07T11:57:00Z', 'en', now)).toBe(
      '3 minutes ago',
    );
    expect(formatRelativeTime('2026-12-07T11:57:00Z', 'fr', now)).toBe(
      'il y a 3 minutes',
    );
  });

  it('says it shortly for a table cell', () => {
    expect(formatRelativeTime('2026-12-07T11:59:41Z', 'fr', now, 'short')).toBe(
      'il y a 19\u00a0s',
    );
    expect(formatRelativeTime('2026-12-07T11:57:00Z', 'en', now, 'short')).toBe(
      '3 min. ago',
    );
  });

  it('gives back what is not a date', () => {
    expect(formatRelativeTime('yesterday', 'en', now)).toBe('yesterday');
  });
});
