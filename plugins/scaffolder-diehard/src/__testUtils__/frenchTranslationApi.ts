import type { TranslationApi } from '@backstage/frontend-plugin-api';
import fr from '../translations/fr';

/**
 * A test double of the app's translation API: Diehard's French catalog, interpolated as
 * i18next does ({{param}}), once "loaded" (the first snapshot is not ready).
 */
export const frenchTranslationApi: TranslationApi = {
  getTranslation: () => ({ ready: false } as any),
  translation$: () =>
    ({
      subscribe: ({ next }: { next: (s: unknown) => void }) => {
        next({ ready: false });
        setTimeout(() =>
          next({
            ready: true,
            t: (key: string, params: Record<string, string>) =>
              (fr.messages as Record<string, string>)[key].replace(
                /{{(\w+)}}/g,
                (_, p) => params[p],
              ),
          }),
        );
        return { unsubscribe: () => {}, closed: false };
      },
    } as any),
};
