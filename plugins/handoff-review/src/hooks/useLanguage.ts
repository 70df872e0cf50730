import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import {
  appLanguageApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';

const EMPTY = {
  subscribe: () => ({ unsubscribe: () => {} }),
};

/** The language the user picked, for dates; English when the app has no language API. */
export function useLanguage(): string {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  const language$ = useMemo(() => languageApi?.language$(), [languageApi]);
  const current = useObservable(language$ ?? EMPTY, languageApi?.getLanguage());
  return current?.language ?? 'en';
}

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
