import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import {
  appLanguageApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';

const NO_CHANGES = {
  subscribe: () => ({ unsubscribe: () => {} }),
};

/** The language the user picked, for dates; English when the app has no language API. */
export function useLanguage(): string {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  const language$ = useMemo(() => languageApi?.language$(), [languageApi]);
  const current = useObservable(
    language$ ?? NO_CHANGES,
    languageApi?.getLanguage(),
  );
  return current?.language ?? 'en';
}
