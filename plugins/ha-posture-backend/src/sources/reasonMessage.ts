import {
  FindingMessageId,
  MessageParams,
  MessageRef,
} from '@diehard/plugin-ha-posture-common';

/** Why a posture or a cluster was left out, as a message the portal renders in its reader's language. */
export function reasonMessage(
  id: FindingMessageId,
  params: MessageParams = {},
): MessageRef {
  return { id, params };
}
