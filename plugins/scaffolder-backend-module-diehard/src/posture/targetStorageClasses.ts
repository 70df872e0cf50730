import { PermissionsService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import { requestAuthFromHeaders } from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from '../kubernetes/applyClusters';
import { assertMayApply, clustersOpenTo } from '../kubernetes/applyPermission';
import { KubeApiError, KubeClient } from '../kubernetes/KubeClient';
import {
  StorageClassObject,
  readStorageClasses,
} from '../kubernetes/storageClasses';
import { TARGET_WORDS } from '../kubernetes/targetWords';
import { GATE_WORDS } from './formatReport';

/**
 * The StorageClasses of `cluster`, the cluster the manifests will be applied to, but
 * those the manifests bring themselves: the posture engine then judges each claim by
 * the class it will get there (a class whose volumes live on one node is a `storage`
 * finding, where from the manifests alone the class is a bare name). Asks what the
 * apply asks: the cluster is open to templates and the task's initiator may apply to
 * it; reads with the same credentials. A cluster that answers with an error gives no
 * class (logged): the manifests alone are judged, as without `cluster`.
 */
export async function targetStorageClasses(options: {
  clusters: ApplyClusters;
  permissions: PermissionsService;
  ctx: ActionContext<any, any>;
  cluster: string;
  language: MessageLanguage;
  objects: unknown[];
}): Promise<StorageClassObject[]> {
  const { clusters, ctx, cluster, language } = options;
  const targetWords = TARGET_WORDS[language];
  const words = GATE_WORDS[language];
  if (!clusters.has(cluster))
    throw new InputError(
      targetWords.notATarget(
        cluster,
        await clustersOpenTo(options.permissions, ctx, clusters.names()),
      ),
    );
  await assertMayApply(options.permissions, ctx, cluster, targetWords);
  const name = targetWords.cluster(cluster, clusters.get(cluster).title);
  const client = new KubeClient({
    ...(await clusters.connection(
      cluster,
      requestAuthFromHeaders(ctx.secrets ?? {}),
    )),
    http2: false,
  });
  let classes: StorageClassObject[];
  try {
    classes = await readStorageClasses(client);
  } catch (e) {
    if (!(e instanceof KubeApiError)) throw e;
    ctx.logger.warn(words.classesNotRead(name, e.status));
    return [];
  } finally {
    client.close();
  }
  const brought = new Set(
    options.objects
      .filter(o => (o as { kind?: unknown })?.kind === 'StorageClass')
      .map(o => (o as { metadata?: { name?: unknown } }).metadata?.name),
  );
  const used = classes.filter(c => !brought.has(c.metadata.name));
  ctx.logger.info(
    words.classesRead(
      name,
      used.map(c => `${c.metadata.name} (${c.provisioner})`),
    ),
  );
  return used;
}
