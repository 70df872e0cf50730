import { KubeClient } from './KubeClient';

/** A host another Ingress serves already, and which one (its name only when in `namespace`). */
export interface HostTaken {
  host: string;
  /** `diehard-apps/todo`; undefined for an Ingress of another namespace. */
  ingress?: string;
}

/**
 * The hosts of `hosts` a rule of another Ingress of the cluster serves already (any
 * path: the template's Ingress serves its host whole, so ingress-nginx would share the
 * host with that one and route some of it there). `own` is the Ingress the template
 * applies, which a second run finds in place. One list request, cluster-wide.
 */
export async function hostsTaken(
  client: KubeClient,
  hosts: string[],
  own: { namespace?: string; name: string },
): Promise<HostTaken[]> {
  if (!hosts.length) return [];
  const ingresses = await client.list('networking.k8s.io/v1', 'Ingress', '');
  const taken: HostTaken[] = [];
  for (const host of hosts) {
    const by = ingresses.find(
      i =>
        !(
          i.metadata?.namespace === own.namespace &&
          i.metadata?.name === own.name
        ) &&
        Array.isArray(i.spec?.rules) &&
        i.spec.rules.some((r: { host?: unknown }) => r?.host === host),
    );
    if (by)
      taken.push({
        host,
        ingress:
          by.metadata.namespace === own.namespace
            ? `${by.metadata.namespace}/${by.metadata.name}`
            : undefined,
      });
  }
  return taken;
}
