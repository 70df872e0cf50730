import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';
import { FINDING_MESSAGES_EN } from '@diehard/plugin-ha-posture-common';

/**
 * The posture engine's sentences behind a failing item, from the catalogs the engine
 * and the CLI share: one key per message id.
 *
 * @public
 */
export const handoffReviewFindingsTranslationRef = createTranslationRef({
  id: 'handoff-review.findings',
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
export const handoffReviewFindingsTranslations = createTranslationResource({
  ref: handoffReviewFindingsTranslationRef,
  translations: {
    fr: () => import('./translations/findingsFr'),
  },
});
