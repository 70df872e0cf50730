import { NotAllowedError } from '@backstage/errors';
import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import { APPLY_WORDS } from './applyWords';
import { BundleObject, describe } from './bundle';
import { CLUSTER_SCOPED_KINDS } from './order';

/** @public */
export interface Allowlist {
  cluster: string;
  namespaces: string[];
  kinds: string[];
}

/**
 * Checks every object against the cluster's allowlist before anything is sent,
 * filling in the default namespace. Throws one NotAllowedError listing every
 * refused object, in `language` (English by default).
 *
 * @public
 */
export function enforceAllowlist(
  objects: BundleObject[],
  allow: Allowlist,
  defaultNamespace?: string,
  language: MessageLanguage = 'en',
): void {
  const words = APPLY_WORDS[language];
  const kindAllowed = (k: string) =>
    allow.kinds.includes('*') || allow.kinds.includes(k);
  const nsAllowed = (ns: string) => allow.namespaces.includes(ns);
  const problems: string[] = [];
  for (const { object: o, source } of objects) {
    if (
      !CLUSTER_SCOPED_KINDS.has(o.kind) &&
      !o.metadata.namespace &&
      defaultNamespace
    ) {
      o.metadata.namespace = defaultNamespace;
    }
    const what = `${describe(o)} (${source})`;
    if (!kindAllowed(o.kind)) {
      problems.push(words.kindNotAllowed(what, o.kind, allow.kinds));
      continue;
    }
    if (o.kind === 'Namespace') {
      if (!nsAllowed(o.metadata.name)) {
        problems.push(
          words.namespaceNotAllowed(what, o.metadata.name, allow.namespaces),
        );
      }
    } else if (!CLUSTER_SCOPED_KINDS.has(o.kind)) {
      if (!o.metadata.namespace) {
        problems.push(words.noNamespace(what));
      } else if (!nsAllowed(o.metadata.namespace)) {
        problems.push(
          words.namespaceNotAllowed(
            what,
            o.metadata.namespace,
            allow.namespaces,
          ),
        );
      }
    }
  }
  if (problems.length) {
    throw new NotAllowedError(words.refused(allow.cluster, problems));
  }
}
