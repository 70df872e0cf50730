import { execFile } from 'node:child_process';
import { stringify } from 'yaml';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  corpusStack,
  volumesFor,
} from '../../../plugins/ha-posture-backend/src/__testUtils__/labStacks';

type KubernetesObject = any;

/** The lab's own kubectl as cluster admin (the client library is ESM, which this jest config does not load). */
export interface Kubectl {
  kubectl: string;
  adminKubeconfig: string;
}

/** Runs kubectl with `args`, `input` on its stdin; resolves to its stdout. */
export function kubectl(
  k: Kubectl,
  args: string[],
  input?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      k.kubectl,
      ['--kubeconfig', k.adminKubeconfig, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(
              new Error(
                `kubectl ${args.join(' ')}: ${stderr || error.message}`,
              ),
            )
          : resolve(stdout),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

const yamlOf = (objects: KubernetesObject[]) =>
  objects.map(o => stringify(o)).join('---\n');

const ID_LABEL = 'backstage.io/kubernetes-id';

/**
 * A corpus stack (`eni-todo-ha` or `eni-todo-fragile`) moved to `namespace`, every
 * object and pod template labelled `backstage.io/kubernetes-id: <id>` the way a team
 * labels what belongs to its catalog entity.
 */
export function labelledStack(
  folder: string,
  namespace: string,
  id: string,
): KubernetesObject[] {
  return corpusStack(folder, namespace).map(object => {
    if (object.kind !== 'Namespace') {
      object.metadata.labels = { ...object.metadata.labels, [ID_LABEL]: id };
    }
    const template = object.spec?.template;
    if (template) {
      template.metadata = template.metadata ?? {};
      template.metadata.labels = {
        ...template.metadata.labels,
        [ID_LABEL]: id,
      };
    }
    return object as KubernetesObject;
  });
}

/** Server-side applies the objects, volumes for their claims first. */
export async function deploy(k: Kubectl, objects: KubernetesObject[]) {
  // The lab provides its own storage classes (stand-ins, lab/README.md); a class's
  // provisioner cannot change, so the corpus's class of the same name is not applied.
  const classes = new Set(
    (await kubectl(k, ['get', 'storageclass', '-o', 'name']))
      .split('\n')
      .map(line => line.replace(/^storageclass[^/]*\//, '').trim()),
  );
  const applied = objects.filter(
    o => o.kind !== 'StorageClass' || !classes.has(o.metadata?.name ?? ''),
  );
  await kubectl(k, ['apply', '-f', '-'], yamlOf(volumesFor(applied)));
  await kubectl(
    k,
    ['apply', '--server-side', '--field-manager', 'diehard-e2e', '-f', '-'],
    yamlOf(applied),
  );
}

/** Removes the namespaces and the volumes made for them. */
export async function removeStacks(k: Kubectl, namespaces: string[]) {
  await kubectl(k, [
    'delete',
    'namespace',
    '--ignore-not-found',
    '--wait=false',
    ...namespaces,
  ]);
  const volumes = JSON.parse(await kubectl(k, ['get', 'pv', '-o', 'json']))
    .items as any[];
  const ours = volumes
    .map(pv => pv.metadata.name as string)
    .filter(name => namespaces.some(ns => name.startsWith(`${ns}-`)));
  if (ours.length) await kubectl(k, ['delete', 'pv', '--wait=false', ...ours]);
}

/** The zone of each node, by node name. */
export async function zonesOfNodes(k: Kubectl): Promise<Map<string, string>> {
  const nodes = JSON.parse(await kubectl(k, ['get', 'nodes', '-o', 'json']))
    .items as any[];
  return new Map(
    nodes.map(n => [
      n.metadata.name,
      n.metadata.labels['topology.kubernetes.io/zone'],
    ]),
  );
}

/** The running, ready pods of a namespace by name, once `count` of them are. */
export async function runningPods(
  k: Kubectl,
  namespace: string,
  labelSelector: string,
  count: number,
): Promise<Array<{ name: string; node: string }>> {
  const deadline = Date.now() + 180_000;
  let states: string[] = [];
  while (Date.now() < deadline) {
    const pods = JSON.parse(
      await kubectl(k, [
        'get',
        'pods',
        '-n',
        namespace,
        '-l',
        labelSelector,
        '-o',
        'json',
      ]),
    ).items as any[];
    const current = pods.filter(p => !p.metadata?.deletionTimestamp);
    const ready = current.filter(
      p =>
        p.status?.phase === 'Running' &&
        p.status.conditions?.some(
          (c: any) => c.type === 'Ready' && c.status === 'True',
        ),
    );
    if (current.length === count && ready.length === count) {
      return ready.map(p => ({ name: p.metadata.name, node: p.spec.nodeName }));
    }
    states = pods.map(p => `${p.metadata?.name}: ${p.status?.phase}`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `${namespace}: expected ${count} running pods (${labelSelector}); pods: ${
      states.join(', ') || 'none'
    }`,
  );
}
