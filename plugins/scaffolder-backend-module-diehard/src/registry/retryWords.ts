import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import type { RegistryRetry } from '@diehard/plugin-container-images-node';

import { byteSize } from './byteSize';

/**
 * What the image actions say when a registry fails and the client tries again, in each
 * language the portal speaks (the failure quoted as the client saw it).
 */
export const RETRY_WORDS = {
  en: (r: RegistryRetry) =>
    r.what === 'blob-upload'
      ? `blob ${r.digest?.slice(0, 19)}… upload interrupted at ${byteSize(
          r.offset ?? 0,
          'en',
        )} (${r.error}); resuming, attempt ${r.attempt}`
      : `registry "${r.registry}" failed (${r.error}); trying again, attempt ${r.attempt}`,
  fr: (r: RegistryRetry) =>
    r.what === 'blob-upload'
      ? `blob ${r.digest?.slice(0, 19)}… : envoi interrompu à ${byteSize(
          r.offset ?? 0,
          'fr',
        )} (${r.error}) ; reprise, essai ${r.attempt}`
      : `le registre « ${r.registry} » a échoué (${r.error}) ; nouvel essai, essai ${r.attempt}`,
} satisfies Record<MessageLanguage, (r: RegistryRetry) => string>;
