import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { kubernetesClustersReadPermission } from '@backstage/plugin-kubernetes-common';
import {
  haPostureClusterReadPermission,
  haPostureReadPermission,
  haPostureRefreshPermission,
} from '@diehard/plugin-ha-posture-common';
import { requestAuthFromHeaders } from '@diehard/plugin-kubernetes-clusters-node';
import { entityRefParam, notAnEntityPath } from './entityRefParam';
import { PostureService } from './service/PostureService';
import { TooManyRequestsError } from './service/RefreshQueue';

export async function createRouter(options: {
  posture: PostureService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Promise<express.Router> {
  const { posture, httpAuth, permissions } = options;
  const router = Router();
  router.use(express.json());

  const authorize = async (
    req: express.Request,
    permission: ResourcePermission<'catalog-entity'> | BasicPermission,
    resourceRef?: string,
  ) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef } as any],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`not allowed: ${permission.name}`);
    }
    return credentials;
  };

  const entityRefOf = (req: express.Request) => entityRefParam(req.params);

  /** A busy queue answers 429 with the time after which to try again. */
  const evaluating = async <T>(res: express.Response, work: Promise<T>) => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        res.set('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  };

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const entityRef = entityRefOf(req);
    const credentials = await authorize(
      req,
      haPostureReadPermission,
      entityRef,
    );
    res.json(await evaluating(res, posture.get(entityRef, credentials)));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const entityRef = entityRefOf(req);
    const credentials = await authorize(
      req,
      haPostureRefreshPermission,
      entityRef,
    );
    // The user's cluster tokens, for this evaluation only: never stored nor logged.
    const authConfig = requestAuthFromHeaders(req.headers);
    res.json(
      await evaluating(
        res,
        posture.refresh(entityRef, credentials, authConfig),
      ),
    );
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const entityRef = entityRefOf(req);
    await authorize(req, haPostureReadPermission, entityRef);
    res.json({ points: await posture.history(entityRef) });
  });

  // Anything else under /entities is a malformed reference, not an unknown route.
  router.all(/^\/entities(\/.*)?$/, req => {
    const rest = req.path
      .replace(/^\/entities\/?/, '')
      .replace(/\/(refresh|history)$/, '');
    let shown = rest;
    try {
      shown = decodeURIComponent(rest);
    } catch {
      // shown as sent
    }
    throw notAnEntityPath(shown);
  });

  router.get('/fleet', async (req, res) => {
    // The catalog leaves out the entities this user may not read; the policy, the
    // postures it may not read.
    const credentials = await httpAuth.credentials(req);
    const entries = await posture.fleet(credentials);
    const decisions = entries.length
      ? await permissions.authorize(
          entries.map(e => ({
            permission: haPostureReadPermission,
            resourceRef: e.entityRef,
          })),
          { credentials },
        )
      : [];
    res.json({
      entries: entries.filter(
        (_e, i) => decisions[i].result === AuthorizeResult.ALLOW,
      ),
    });
  });

  router.get('/clusters', async (req, res) => {
    await authorize(req, haPostureClusterReadPermission);
    res.json(await posture.clusters(requestAuthFromHeaders(req.headers)));
  });

  /**
   * Which clusters need the signed-in user's token, and from which provider: what the
   * Kubernetes plugin's own cluster list tells, under its permission. Refreshing an
   * entity's posture needs it, not only the Clusters tab.
   */
  router.get('/cluster-auth', async (req, res) => {
    await authorize(req, kubernetesClustersReadPermission);
    res.json({ clusters: posture.clusterAuth() });
  });

  return router;
}
