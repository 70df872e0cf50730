import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { handoffReviewReadPermission } from '@diehard/plugin-handoff-review-common';
import { describeError, policyRefused } from '../lib/errors';
import { handoffReviewTranslationRef } from '../translation';

/**
 * Why reading a review (its history, its export) failed: in the user's language when
 * the permission policy refused it, in the backend's words otherwise.
 */
export function useReadFailureText(): (error: Error) => string {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  return error =>
    policyRefused(error, handoffReviewReadPermission)
      ? t('content.readRefused')
      : describeError(error);
}
