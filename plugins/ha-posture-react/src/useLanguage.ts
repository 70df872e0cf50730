import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import {
  appLanguageApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';

const NO_CHANGES = {
  subscribe: () => ({ unsubscribe: () => {} }),
};

/**
 * The language the user picked (for dates and a company rule's own texts); English when
 * the app has no language API.
 *
 * @public
 */
export function useLanguage(): string {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  const language$ = useMemo(() => languageApi?.language$(), [languageApi]);
  const current = useObservable(
    language$ ?? NO_CHANGES,
    languageApi?.getLanguage(),
  );
  return current?.language ?? 'en';
}
