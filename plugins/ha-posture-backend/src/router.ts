import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  haPostureReadPermission,
  haPostureRefreshPermission,
} from './permissions';
import { PostureService } from './service/PostureService';

const entityParams = z.object({
  kind: z.string().regex(/^[A-Za-z][\w-]*$/, 'kind must be an entity kind'),
  namespace: z.string().regex(/^[a-z0-9][\w.-]*$/i, 'namespace must be a name'),
  name: z.string().regex(/^[a-z0-9][\w.-]*$/i, 'name must be an entity name'),
});

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

  const entityRefOf = (req: express.Request) => {
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      throw new InputError(
        parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    const { kind, namespace, name } = parsed.data;
    return stringifyEntityRef({ kind, namespace, name });
  };

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const entityRef = entityRefOf(req);
    const credentials = await authorize(req, haPostureReadPermission, entityRef);
    res.json(await posture.get(entityRef, credentials));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const entityRef = entityRefOf(req);
    const credentials = await authorize(req, haPostureRefreshPermission, entityRef);
    res.json(await posture.refresh(entityRef, credentials));
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const entityRef = entityRefOf(req);
    await authorize(req, haPostureReadPermission, entityRef);
    res.json({ points: await posture.history(entityRef) });
  });

  router.get('/fleet', async (req, res) => {
    // Each entry is filtered by the catalog's own read permission for this user.
    const credentials = await httpAuth.credentials(req);
    res.json({ entries: await posture.fleet(credentials) });
  });

  router.get('/clusters', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ clusters: await posture.clusters() });
  });

  return router;
}
