/** The English text of the example rule's findings, `{{param}}` placeholders. */
export const PRESTOP_MESSAGES_EN = {
  'example-prestop-hook.message':
    '{{container}} of {{workload}} has no preStop hook: on a rolling update or a node drain, Kubernetes stops it while its Services may still send it requests, and those requests fail.',
  'example-prestop-hook.remediation':
    'Give the container a preStop hook that waits until the Services stop sending it requests:\n\n{{snippet}}',
};

/** A message id of the example rule. */
export type PrestopMessageId = keyof typeof PRESTOP_MESSAGES_EN;
