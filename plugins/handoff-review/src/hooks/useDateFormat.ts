import { useMemo } from 'react';
import { useLanguage } from '@diehard/plugin-ha-posture-react';

/** Formats ISO timestamps and dates in the user's language. */
export function useDateFormat() {
  const language = useLanguage();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const date = new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
    const safe = (format: Intl.DateTimeFormat) => (iso: string) => {
      const time = Date.parse(iso);
      return Number.isNaN(time) ? iso : format.format(time);
    };
    return { dateTime: safe(dateTime), date: safe(date) };
  }, [language]);
}
