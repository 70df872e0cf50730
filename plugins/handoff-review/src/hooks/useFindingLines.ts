import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  FINDING_MESSAGES_EN,
  MessageRef,
} from '@diehard/plugin-ha-posture-common';
import type { FindingMessage, ReviewItem } from '../api';
import { handoffReviewFindingsTranslationRef } from '../findingsTranslation';
import { handoffReviewTranslationRef } from '../translation';
import { useLanguage } from './useLanguage';

type Translate = (key: string, params?: Record<string, string>) => string;

const known = (ref: MessageRef | undefined): ref is MessageRef =>
  !!ref && typeof ref.id === 'string' && ref.id in FINDING_MESSAGES_EN;

/**
 * The findings behind an automatic item in the user's language. A review opened before
 * findings had message ids, or with an id this portal does not know, shows the
 * English lines the backend stored.
 */
export function useFindingLines(): (
  item: Pick<ReviewItem, 'findings' | 'findingMessages'>,
) => string[] {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  const findings = useTranslationRef(handoffReviewFindingsTranslationRef);
  const translate = findings.t as unknown as Translate;
  const language = useLanguage().split('-')[0];
  const render = (ref: MessageRef): string => {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(ref.params ?? {}))
      params[name] =
        typeof value === 'object' && value !== null
          ? render(value)
          : String(value);
    return translate(ref.id, params);
  };
  // A company rule's finding carries its own text in each language.
  const text = (m: FindingMessage) =>
    known(m.message) ? render(m.message) : m.texts?.[language];
  return item => {
    const english = item.findings ?? [];
    const messages = item.findingMessages;
    if (
      !messages ||
      messages.length !== english.length ||
      !messages.every(m => text(m) !== undefined)
    ) {
      return english;
    }
    return messages.map(m =>
      t('item.finding', {
        severity: t(`severity.${m.severity}`),
        message: text(m)!,
      }),
    );
  };
}
