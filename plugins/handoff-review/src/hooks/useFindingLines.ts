import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEngineMessages } from '@diehard/plugin-ha-posture-react';
import { findingLines } from '@diehard/plugin-handoff-review-common';
import type { FindingMessage, ReviewItem } from '../api';
import { handoffReviewTranslationRef } from '../translation';

/**
 * The findings behind an automatic item in the user's language. A review opened before
 * findings had message ids, or with an id this portal does not know, shows the
 * English lines the backend stored.
 */
export function useFindingLines(): (
  item: Pick<ReviewItem, 'findings' | 'findingMessages'>,
) => string[] {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const { known, render, language } = useEngineMessages();
  // A company rule's finding carries its own text in each language.
  const text = (m: FindingMessage) =>
    known(m.message) ? render(m.message) : m.texts?.[language];
  return item =>
    findingLines(item, text, (severity, message) =>
      t('item.finding', { severity: t(`severity.${severity}`), message }),
    );
}
