import {
  FINDING_MESSAGES_EN,
  Finding,
  MessageRef,
} from '@diehard/plugin-ha-posture-common';
import { useEngineMessages } from '@diehard/plugin-ha-posture-react';

/**
 * Renders the engine's messages in the user's language. A finding of a rule added to the
 * backend (a company's check) brings its own translations; a message whose id this portal
 * does not know otherwise (a report from an older or newer backend) shows the English
 * sentence it came with.
 */
export function useFindingText() {
  const { known, render, language } = useEngineMessages();
  const text = (ref: MessageRef | null | undefined, english: string) =>
    known(ref) ? render(ref) : english;
  const own = (f: Finding) =>
    f.messageId && !(f.messageId in FINDING_MESSAGES_EN)
      ? f.translations?.[language]
      : undefined;
  return {
    known,
    text,
    message: (f: Finding) =>
      own(f)?.message ??
      text(
        f.messageId ? { id: f.messageId, params: f.params ?? {} } : undefined,
        f.message,
      ),
    evidence: (f: Finding) =>
      own(f)?.evidence ?? text(f.evidenceMessage, f.evidence),
    spof: (f: Finding) =>
      f.spof ? own(f)?.spof ?? text(f.spofMessage, f.spof) : undefined,
    remediation: (f: Finding) =>
      own(f)?.remediation ?? text(f.remediationMessage, f.remediation),
  };
}
