import {
  ApiHolder,
  TranslationApi,
  translationApiRef,
  TranslationSnapshot,
} from '@backstage/frontend-plugin-api';
import {
  englishMessages,
  scaffolderDiehardTranslationRef,
} from './translation';

/**
 * A message of `scaffolderDiehardTranslationRef` by its full key (`runLog.beginning`), its
 * `{{params}}` filled: keys built at run time, which the ref's own typing cannot check.
 */
export type TranslateKey = (key: string, params?: object) => string;

/**
 * The translation function of Diehard's scaffolder strings once the user's language is
 * loaded (asking for it loads it); rejected after `timeoutMs`, for a caller that would
 * rather say it in English than wait.
 */
export function readyTranslation(
  api: TranslationApi,
  timeoutMs = 5000,
): Promise<TranslateKey> {
  return new Promise<
    TranslationSnapshot<typeof scaffolderDiehardTranslationRef.T> & {
      ready: true;
    }
  >((resolve, reject) => {
    const now = api.getTranslation(scaffolderDiehardTranslationRef);
    if (now.ready) {
      resolve(now);
      return;
    }
    const timer = setTimeout(
      () => reject(new Error('translations not loaded')),
      timeoutMs,
    );
    const subscription = api
      .translation$(scaffolderDiehardTranslationRef)
      .subscribe({
        next: snapshot => {
          if (!snapshot.ready) return;
          clearTimeout(timer);
          resolve(snapshot);
          // The first snapshot may come before subscribe() returns.
          queueMicrotask(() => subscription.unsubscribe());
        },
        error: e => {
          clearTimeout(timer);
          reject(e);
        },
      });
  }).then(snapshot => snapshot.t as unknown as TranslateKey);
}

/** {@link TranslateKey} in English, from the ref's own messages: for when no language loads. */
export const inEnglish: TranslateKey = (key, params = {}) => {
  let message: unknown = englishMessages;
  for (const part of key.split('.'))
    message = (message as Record<string, unknown> | undefined)?.[part];
  if (typeof message !== 'string') return key;
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    String((params as Record<string, unknown>)[name] ?? ''),
  );
};

/**
 * Diehard's strings in the user's language once loaded (at most 3 s: the first page of a
 * form may not have loaded it yet), else in English.
 */
export async function userTranslation(
  apiHolder: ApiHolder,
): Promise<TranslateKey> {
  const api = apiHolder.get(translationApiRef);
  const t = api && (await readyTranslation(api, 3000).catch(() => undefined));
  return t ?? inEnglish;
}
