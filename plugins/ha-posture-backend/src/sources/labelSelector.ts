import { InputError } from '@backstage/errors';
import {
  readLabelSelector,
  selectorMatches,
} from '@diehard/plugin-ha-posture-common';

/** A parsed Kubernetes label selector (`app=web,tier in (a,b),!legacy`). */
export interface LabelSelector {
  matches(labels: Record<string, string> | undefined): boolean;
  /** One `key=value` every match carries, when the selector has one: for index look-ups. */
  readonly required?: string;
}

/** Reads a label selector the way the Kubernetes API server does, to match in memory. */
export function parseLabelSelector(selector: string): LabelSelector {
  const read = readLabelSelector(selector);
  if ('unreadable' in read)
    throw new InputError(
      `cannot read '${read.unreadable}' in the label selector '${selector}'`,
    );
  const parsed = read.selector;
  const [equality] = [
    ...Object.entries(parsed.matchLabels ?? {}),
    ...(parsed.matchExpressions ?? [])
      .filter(e => e.operator === 'In' && e.values?.length === 1)
      .map(e => [e.key, e.values![0]] as const),
  ];
  return {
    required: equality && `${equality[0]}=${equality[1]}`,
    matches: labels => selectorMatches(parsed, labels),
  };
}
