import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { FINDING_MESSAGES_EN } from '@diehard/plugin-ha-posture-common';

/**
 * What the posture engine says about a finding (its message, single point of failure and
 * remediation), from the catalogs the engine and the CLI share: one key per message id.
 *
 * @public
 */
export const haPostureFindingsTranslationRef = createTranslationRef({
  id: 'ha-posture.findings',
  messages: FINDING_MESSAGES_EN,
  translations: {
    fr: () => import('./translations/findingsFr'),
  },
});

/**
 * The findings' translations other than English, for the app to register.
 *
 * @public
 */
export const haPostureFindingsTranslations = createTranslationResource({
  ref: haPostureFindingsTranslationRef,
  translations: {
    fr: () => import('./translations/findingsFr'),
  },
});
