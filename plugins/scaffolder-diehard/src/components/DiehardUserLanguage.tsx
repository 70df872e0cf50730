import { useEffect } from 'react';
import { appLanguageApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useObservable from 'react-use/esm/useObservable';

/**
 * `ui:field: DiehardUserLanguage`: shows nothing and holds the language the user picked
 * in Settings (`en`, `fr`), so that a template's steps can speak it (the posture gate's log
 * and error, for one).
 */
export function DiehardUserLanguage(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange } = props;
  const languageApi = useApi(appLanguageApiRef);
  const { language } = useObservable(
    languageApi.language$(),
    languageApi.getLanguage(),
  );
  useEffect(() => {
    if (formData !== language) onChange(language);
  }, [formData, language, onChange]);
  return null;
}
