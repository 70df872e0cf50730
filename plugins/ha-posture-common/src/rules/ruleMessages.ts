import { FINDING_MESSAGES_EN } from '../messages/en';
import { FINDING_MESSAGES_FR } from '../messages/fr';
import { MessageRef, renderMessage } from '../messages/format';
import { Finding, FindingTranslation } from '../model/finding';
import { RuleMessages } from './rule';

/** The engine's own catalogs by language: a rule's phrases may nest the engine's ("the node running …"). */
const ENGINE_CATALOGS: Record<string, Record<string, string>> = {
  en: FINDING_MESSAGES_EN,
  fr: FINDING_MESSAGES_FR,
};

function textsIn(
  f: Finding,
  catalog: Record<string, string>,
): FindingTranslation | undefined {
  if (!f.messageId) return undefined;
  const render = (ref: MessageRef | undefined) =>
    ref ? renderMessage(ref, catalog) : undefined;
  return {
    message: render({ id: f.messageId, params: f.params ?? {} })!,
    ...(f.evidenceMessage ? { evidence: render(f.evidenceMessage) } : {}),
    ...(f.remediationMessage
      ? { remediation: render(f.remediationMessage) }
      : {}),
    ...(f.spofMessage ? { spof: render(f.spofMessage) } : {}),
  };
}

/**
 * Writes the findings of a rule that brings its own messages: English from its `en` catalog,
 * and each other language it gives as the finding's translations.
 */
export function withRuleMessages(
  findings: Finding[],
  messages: RuleMessages,
): Finding[] {
  const catalogIn = (language: string) => ({
    ...ENGINE_CATALOGS.en,
    ...ENGINE_CATALOGS[language],
    ...messages.en,
    ...messages[language],
  });
  return findings.map(f => {
    const english = textsIn(f, catalogIn('en'));
    if (!english) return f;
    const translations: Record<string, FindingTranslation> = {};
    for (const language of Object.keys(messages)) {
      if (language === 'en') continue;
      translations[language] = textsIn(f, catalogIn(language))!;
    }
    return {
      ...f,
      message: english.message,
      ...(english.evidence ? { evidence: english.evidence } : {}),
      ...(english.remediation ? { remediation: english.remediation } : {}),
      ...(english.spof ? { spof: english.spof } : {}),
      translations,
    };
  });
}
