import { NotAllowedError } from '@backstage/errors';
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
 * refused object.
 *
 * @public
 */
export function enforceAllowlist(
  objects: BundleObject[],
  allow: Allowlist,
  defaultNamespace?: string,
): void {
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
      problems.push(
        `${what}: kind ${o.kind} is not allowed (allowed: ${
          allow.kinds.join(', ') || 'none'
        })`,
      );
      continue;
    }
    if (o.kind === 'Namespace') {
      if (!nsAllowed(o.metadata.name)) {
        problems.push(
          `${what}: namespace "${o.metadata.name}" is not allowed (allowed: ${
            allow.namespaces.join(', ') || 'none'
          })`,
        );
      }
    } else if (!CLUSTER_SCOPED_KINDS.has(o.kind)) {
      if (!o.metadata.namespace) {
        problems.push(
          `${what}: no namespace (set metadata.namespace or the action's namespace input)`,
        );
      } else if (!nsAllowed(o.metadata.namespace)) {
        problems.push(
          `${what}: namespace "${
            o.metadata.namespace
          }" is not allowed (allowed: ${
            allow.namespaces.join(', ') || 'none'
          })`,
        );
      }
    }
  }
  if (problems.length) {
    throw new NotAllowedError(
      `refused before anything was sent to cluster "${
        allow.cluster
      }": ${problems.join('; ')}`,
    );
  }
}
