import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  FINDING_MESSAGES_EN,
  MessageRef,
} from '@diehard/plugin-ha-posture-common';
import { haPostureFindingsTranslationRef } from './findingsTranslation';
import { useLanguage } from './useLanguage';

type Translate = (key: string, params?: Record<string, string>) => string;

const known = (ref: MessageRef | null | undefined): ref is MessageRef =>
  !!ref && typeof ref.id === 'string' && ref.id in FINDING_MESSAGES_EN;

/**
 * The posture engine's messages in the user's language: `known(ref)` whether this portal
 * knows the message's id (a report from an older or newer backend may bring others),
 * `render(ref)` the message with its parameters (messages given as parameters rendered
 * too), and `language`, the user's language without its region, for the texts a
 * company's own rule brings.
 *
 * @public
 */
export function useEngineMessages() {
  const { t } = useTranslationRef(haPostureFindingsTranslationRef);
  const language = useLanguage().split('-')[0];
  const translate = t as unknown as Translate;
  const render = (ref: MessageRef): string => {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(ref.params ?? {}))
      params[name] =
        typeof value === 'object' && value !== null
          ? render(value)
          : String(value);
    return translate(ref.id, params);
  };
  return { known, render, language };
}
