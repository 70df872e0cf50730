import { Finding } from '../model/finding';
import { FINDING_MESSAGES_EN } from './en';
import { MessageRef, renderMessage } from './format';
import { FINDING_MESSAGES_FR } from './fr';

/**
 * The languages the engine's messages are written in.
 *
 * @public
 */
export type MessageLanguage = 'en' | 'fr';

const CATALOGS: Record<MessageLanguage, Record<string, string>> = {
  en: FINDING_MESSAGES_EN,
  fr: FINDING_MESSAGES_FR,
};

/**
 * The engine's language for a language or locale name: `fr`, `fr-CA`, `fr_FR.UTF-8` are
 * French; anything else, none included, English.
 *
 * @public
 */
export function messageLanguage(language?: string): MessageLanguage {
  return /^fr([_.@-]|$)/i.test(language ?? '') ? 'fr' : 'en';
}

/**
 * A message of the engine in `language`; one this engine does not know (from an older or
 * newer engine) keeps the English it came with.
 *
 * @public
 */
export function messageText(
  ref: MessageRef | null | undefined,
  english: string,
  language: MessageLanguage,
): string {
  return ref && ref.id in FINDING_MESSAGES_EN
    ? renderMessage(ref, CATALOGS[language])
    : english;
}

/**
 * A finding's message, single point of failure, evidence and remediation in `language`: from the
 * engine's catalogs, or from the finding's own translations (a company's rule).
 *
 * @public
 */
export function findingText(f: Finding, language: MessageLanguage) {
  const own =
    f.messageId && !(f.messageId in FINDING_MESSAGES_EN)
      ? f.translations?.[language]
      : undefined;
  return {
    message:
      own?.message ??
      messageText(
        f.messageId ? { id: f.messageId, params: f.params ?? {} } : undefined,
        f.message,
        language,
      ),
    spof: f.spof
      ? own?.spof ?? messageText(f.spofMessage, f.spof, language)
      : undefined,
    evidence:
      own?.evidence ?? messageText(f.evidenceMessage, f.evidence, language),
    remediation:
      own?.remediation ??
      messageText(f.remediationMessage, f.remediation, language),
  };
}
