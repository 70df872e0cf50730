import { createInstance } from 'i18next';
import type {
  TranslationApi,
  TranslationMessages,
  TranslationRef,
} from '@backstage/frontend-plugin-api';

/**
 * A TranslationApi that answers in French from a plugin's own French messages (with
 * i18next's French plurals), for component tests of the French interface. Backstage's
 * test utilities only speak the default language.
 */
export function frenchTranslationApi(
  ref: TranslationRef,
  messages: TranslationMessages,
): TranslationApi {
  const i18n = createInstance({
    lng: 'fr',
    fallbackLng: false,
    supportedLngs: ['fr'],
    keySeparator: false,
    interpolation: { escapeValue: false },
    resources: {
      fr: { [ref.id]: messages.messages as Record<string, string> },
    },
    initImmediate: false,
  });
  i18n.init();
  const t = i18n.getFixedT('fr', ref.id);
  return {
    getTranslation: () => ({ ready: true, t: t as any }),
    translation$: () =>
      ({
        subscribe: () => ({ unsubscribe: () => {}, closed: false }),
      } as any),
  };
}
