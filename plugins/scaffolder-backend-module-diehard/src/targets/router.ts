import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  DEPLOY_TARGETS_PATH,
  DeployTargetsResponse,
  kubernetesApplyPermission,
  TargetIngressHostResponse,
  TargetStorageClassesResponse,
} from '@diehard/plugin-scaffolder-diehard-common';
import {
  KubernetesClusterDirectory,
  requestAuthFromHeaders,
} from '@diehard/plugin-kubernetes-clusters-node';
import { ApplyClusters } from '../kubernetes/applyClusters';
import { KubeApiError, KubeClient } from '../kubernetes/KubeClient';
import { hostsTaken } from '../kubernetes/ingressHosts';
import { INGRESS_HOST, KUBERNETES_NAME } from '../kubernetes/names';
import { listStorageClasses } from '../kubernetes/storageClasses';

export interface TargetsRouterOptions {
  config: Config;
  /** The shared cluster directory (injected); read from `config` when absent. */
  clusters?: KubernetesClusterDirectory;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** Storage classes a cluster's answer lists at most. */
const STORAGE_CLASSES_AT_MOST = 500;

const ingressHostQuery = z.object({
  host: z.string().max(253).regex(INGRESS_HOST),
  namespace: z.string().max(63).regex(KUBERNETES_NAME),
  ingress: z.string().max(253).regex(KUBERNETES_NAME),
});

/**
 * On the scaffolder's router (`/api/scaffolder/diehard/targets`), for the templates'
 * fields; each cluster only for a caller `diehard.kubernetes.apply` allows there, and
 * never how a cluster is reached:
 *
 * - `GET /diehard/targets`: the clusters the caller may deploy to, with their title and
 *   allowlisted namespaces and kinds;
 * - `GET /diehard/targets/:cluster/storage-classes`: that cluster's StorageClasses;
 * - `GET /diehard/targets/:cluster/ingress-host?host=&namespace=&ingress=`: whether an
 *   Ingress other than `ingress` in `namespace` serves `host` already (named only when
 *   in that namespace);
 *
 * each read with the portal's credentials for the cluster, or with the caller's own
 * token for a cluster reached with the user's (sent as the Kubernetes plugin's frontend
 * sends it, in a `Backstage-Kubernetes-Authorization-*` header).
 */
export async function createTargetsRouter(
  options: TargetsRouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions } = options;
  const clusters = ApplyClusters.fromConfig(options.config, options.clusters);
  const targets = clusters.targets();
  const router = Router();
  router.get(DEPLOY_TARGETS_PATH, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const decisions = targets.length
      ? await permissions.authorize(
          targets.map(t => ({
            permission: kubernetesApplyPermission,
            resourceRef: t.name,
          })),
          { credentials },
        )
      : [];
    const body: DeployTargetsResponse = {
      clusters: targets
        .filter((_t, i) => decisions[i].result === AuthorizeResult.ALLOW)
        .map(t => ({
          name: t.name,
          title: t.title,
          namespaces: t.namespaces,
          kinds: t.kinds,
        })),
    };
    res.json(body);
  });
  /**
   * Runs `read` with a client of the cluster named in the path, for a caller
   * `diehard.kubernetes.apply` allows there; a cluster's error answer becomes a 503
   * naming the cluster, what was asked (`what`) and the HTTP status only.
   */
  async function onTarget<T>(
    req: express.Request,
    what: string,
    read: (client: KubeClient) => Promise<T>,
  ): Promise<T> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { cluster } = req.params;
    if (!clusters.has(cluster)) {
      throw new NotFoundError(`no cluster "${cluster}" is open to templates`);
    }
    const [decision] = await permissions.authorize(
      [{ permission: kubernetesApplyPermission, resourceRef: cluster }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `you may not deploy to cluster "${cluster}" (permission ${kubernetesApplyPermission.name})`,
      );
    }
    const client = new KubeClient({
      ...(await clusters.connection(
        cluster,
        requestAuthFromHeaders(req.headers),
      )),
      http2: false,
    });
    try {
      return await read(client);
    } catch (e) {
      if (!(e instanceof KubeApiError)) throw e;
      throw new ServiceUnavailableError(
        `cluster "${cluster}" did not ${what} (${
          e.status ? `HTTP ${e.status}` : 'no answer'
        })`,
      );
    } finally {
      client.close();
    }
  }

  router.get(
    `${DEPLOY_TARGETS_PATH}/:cluster/storage-classes`,
    async (req, res) => {
      const body: TargetStorageClassesResponse = {
        storageClasses: (
          await onTarget(req, 'list its storage classes', listStorageClasses)
        ).slice(0, STORAGE_CLASSES_AT_MOST),
      };
      res.json(body);
    },
  );
  router.get(
    `${DEPLOY_TARGETS_PATH}/:cluster/ingress-host`,
    async (req, res) => {
      // The query is judged once the caller is known and allowed there (401, 403 first).
      const [taken] = await onTarget(req, 'list its Ingresses', client => {
        const query = ingressHostQuery.safeParse(req.query);
        if (!query.success) {
          throw new InputError(
            `expected ?host=<DNS name>&namespace=<name>&ingress=<name>: ${query.error.issues
              .map(i => i.path.join('.'))
              .join(', ')} invalid`,
          );
        }
        const { host, namespace, ingress } = query.data;
        return hostsTaken(client, [host], { namespace, name: ingress });
      });
      const body: TargetIngressHostResponse = taken
        ? { taken: true, ...(taken.ingress && { ingress: taken.ingress }) }
        : { taken: false };
      res.json(body);
    },
  );
  return router;
}
