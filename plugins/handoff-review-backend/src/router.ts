import { randomUUID } from 'node:crypto';
import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  handoffReviewChangePermissions,
  handoffReviewCreatePermission,
  Review,
  Side,
} from '@diehard/plugin-handoff-review-common';
import { PostureClient, snapshotOf } from './posture/PostureClient';
import { buildChecklist } from './review/checklist';
import { reviewToMarkdown } from './review/markdown';
import { ReviewStore } from './review/ReviewStore';
import { Actor, applyChange, ReviewChange, viewOf } from './review/transitions';

const createBody = z.object({
  entityRef: z.string().min(1, 'entityRef is required'),
});

const changeBody = z.object({
  version: z.number().int().positive(),
  change: z.discriminatedUnion('action', [
    z.object({
      action: z.literal('answer'),
      itemId: z.string(),
      done: z.boolean(),
    }),
    z.object({
      action: z.literal('comment'),
      itemId: z.string(),
      text: z.string().max(4000),
    }),
    z.object({
      action: z.literal('waive'),
      itemId: z.string(),
      reason: z.string().max(2000),
      expiresOn: z.string(),
    }),
    z.object({ action: z.literal('sign-off'), side: z.enum(['dev', 'ops']) }),
  ]),
});

const listQuery = z.object({
  entityRef: z.string().optional(),
  status: z.enum(['open', 'approved', 'stale']).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      `invalid ${what}: ${result.error.issues
        .map(i => `${i.path.join('.') || '(body)'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
}

export async function createRouter(options: {
  store: ReviewStore;
  posture: PostureClient;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  opsGroup: string;
  manualItems: Record<Side, Array<{ id: string; title: string }>>;
}): Promise<express.Router> {
  const { store, posture, catalog, httpAuth, userInfo, permissions } = options;
  const router = Router();
  router.use(express.json());

  const signedInUser = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const info = await userInfo.getUserInfo(credentials);
    const actor: Actor = {
      userEntityRef: info.userEntityRef,
      ownershipEntityRefs: info.ownershipEntityRefs,
    };
    return { credentials, actor };
  };

  const authorize = async (
    credentials: BackstageCredentials,
    actor: Actor,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ) => {
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `the permission policy refuses ${permission.name} on ${entityRef} to ${actor.userEntityRef}`,
      );
    }
  };

  const view = async (review: Review, credentials: BackstageCredentials) => {
    const current = await posture
      .current(review.entityRef, credentials)
      .then(snapshotOf)
      .catch(() => undefined);
    return viewOf(review, new Date(), current);
  };

  router.post('/reviews', async (req, res) => {
    const { credentials, actor } = await signedInUser(req);
    const { entityRef: rawRef } = parse(createBody, req.body, 'review');
    const entityRef = stringifyEntityRef(parseEntityRef(rawRef));
    await authorize(
      credentials,
      actor,
      handoffReviewCreatePermission,
      entityRef,
    );
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity)
      throw new NotFoundError(`no entity ${entityRef} in the catalog`);
    const devGroup = entity.relations?.find(
      r => r.type === 'ownedBy',
    )?.targetRef;
    if (!devGroup) {
      throw new InputError(
        `${entityRef} has no owner: the owner group signs for Dev`,
      );
    }
    const current = await posture.current(entityRef, credentials);
    const now = new Date().toISOString();
    const review: Review = {
      id: randomUUID(),
      entityRef,
      version: 1,
      createdBy: actor.userEntityRef,
      createdAt: now,
      devGroup,
      opsGroup: options.opsGroup,
      posture: snapshotOf(current),
      items: buildChecklist(current, options.manualItems),
      signOffs: [],
    };
    await store.insert(review, {
      at: now,
      actor: actor.userEntityRef,
      action: 'open',
      detail: { posture: review.posture },
    });
    res.status(201).json(viewOf(review, new Date(), review.posture));
  });

  router.get('/reviews', async (req, res) => {
    const { credentials } = await signedInUser(req);
    const query = parse(listQuery, req.query, 'query');
    const reviews = await store.list({
      entityRef: query.entityRef,
      status: query.status === 'stale' ? 'approved' : query.status,
    });
    const views = await Promise.all(reviews.map(r => view(r, credentials)));
    res.json({
      reviews: views.filter(v => query.status !== 'stale' || v.stale),
    });
  });

  router.get('/reviews/:id', async (req, res) => {
    const { credentials } = await signedInUser(req);
    res.json(await view(await store.get(req.params.id), credentials));
  });

  router.post('/reviews/:id/changes', async (req, res) => {
    const { credentials, actor } = await signedInUser(req);
    const body = parse(changeBody, req.body, 'change');
    const review = await store.get(req.params.id);
    await authorize(
      credentials,
      actor,
      handoffReviewChangePermissions[body.change.action],
      review.entityRef,
    );
    const change: ReviewChange =
      body.change.action === 'sign-off'
        ? {
            ...body.change,
            posture: snapshotOf(
              await posture.current(review.entityRef, credentials, {
                refresh: true,
              }),
            ),
          }
        : body.change;
    const { review: next, detail } = applyChange(
      review,
      change,
      actor,
      body.version,
      new Date(),
    );
    const result = viewOf(next, new Date());
    await store.update(next, result.status, {
      at: new Date().toISOString(),
      actor: actor.userEntityRef,
      action: change.action,
      detail,
    });
    res.json(await view(next, credentials));
  });

  router.get('/reviews/:id/history', async (req, res) => {
    await signedInUser(req);
    res.json({ events: await store.history(req.params.id) });
  });

  router.get('/reviews/:id/export', async (req, res) => {
    const { credentials } = await signedInUser(req);
    const review = await store.get(req.params.id);
    const markdown = reviewToMarkdown(
      await view(review, credentials),
      await store.history(review.id),
    );
    res.type('text/markdown').send(markdown);
  });

  return router;
}
