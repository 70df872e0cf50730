import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import {
  DEPLOY_TARGETS_PATH,
  DeployTargetsResponse,
  kubernetesApplyPermission,
} from '@diehard/plugin-scaffolder-diehard-common';
import { KubernetesClusterDirectory } from '@diehard/plugin-kubernetes-clusters-node';
import { readDeployTargets } from './deployTargets';

export interface TargetsRouterOptions {
  config: Config;
  /** The shared cluster directory (injected); read from `config` when absent. */
  clusters?: KubernetesClusterDirectory;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/**
 * `GET /diehard/targets` on the scaffolder's router (`/api/scaffolder/diehard/targets`):
 * the clusters the signed-in user may deploy to (`diehard.kubernetes.apply` allowed
 * for that cluster), with their title and allowlisted namespaces and kinds, for the
 * templates' cluster and namespace pickers. Never how a cluster is reached.
 */
export async function createTargetsRouter(
  options: TargetsRouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions } = options;
  const targets = readDeployTargets(options.config, options.clusters);
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
  return router;
}
