import {
  AuditorService,
  HttpAuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { InputError, toError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefParam } from './review/entityRefs';
import { Caller, ReviewService } from './review/ReviewService';
import { exportLanguage } from './review/markdownLabels';

const createBody = z.object({
  entityRef: z.string().min(1, 'entityRef is required'),
});

const MAX_ID = 100;
const itemId = z
  .string()
  .max(MAX_ID, `itemId is longer than ${MAX_ID} characters`);

const changeBody = z.object({
  version: z.number().int().positive(),
  change: z.discriminatedUnion('action', [
    z.object({
      action: z.literal('answer'),
      itemId,
      done: z.boolean(),
    }),
    z.object({
      action: z.literal('comment'),
      itemId,
      text: z.string().max(4000),
    }),
    z.object({
      action: z.literal('waive'),
      itemId,
      reason: z.string().max(2000),
      expiresOn: z.string().max(40),
    }),
    z.object({ action: z.literal('sign-off'), side: z.enum(['dev', 'ops']) }),
  ]),
});

const stateQuery = z.object({
  entityRef: z.string().min(1, 'entityRef is required'),
});

const listQuery = z.object({
  entityRef: z.string().optional(),
  status: z.enum(['open', 'approved', 'stale']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A review id from the path; an id is a UUID, so a long one is a mistake. */
function reviewId(req: express.Request): string {
  const { id } = req.params;
  if (id.length > MAX_ID) {
    throw new InputError(`invalid review id: longer than ${MAX_ID} characters`);
  }
  return id;
}

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

/**
 * Routes parse the request and say who asks; the review service decides. Each change to a
 * review is an event of Backstage's auditor: a waiver and a sign-off at medium severity.
 */
export async function createRouter(options: {
  reviews: ReviewService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  auditor: AuditorService;
}): Promise<express.Router> {
  const { reviews, httpAuth, userInfo, auditor } = options;
  const router = Router();
  router.use(express.json());

  const audited = async <T>(
    req: express.Request,
    severityLevel: 'low' | 'medium',
    meta: JsonObject,
    work: () => Promise<T>,
  ): Promise<T> => {
    const event = await auditor.createEvent({
      eventId: 'review',
      severityLevel,
      request: req,
      meta,
    });
    try {
      const result = await work();
      await event.success();
      return result;
    } catch (e) {
      await event.fail({ error: toError(e) });
      throw e;
    }
  };

  const caller = async (req: express.Request): Promise<Caller> => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const info = await userInfo.getUserInfo(credentials);
    return {
      credentials,
      actor: {
        userEntityRef: info.userEntityRef,
        ownershipEntityRefs: info.ownershipEntityRefs,
      },
    };
  };

  router.post('/reviews', async (req, res) => {
    const who = await caller(req);
    const { entityRef } = parse(createBody, req.body, 'review');
    const review = await audited(
      req,
      'low',
      { actionType: 'open', entityRef },
      () => reviews.open(entityRefParam('entityRef', entityRef), who),
    );
    res.status(201).json(review);
  });

  router.get('/reviews', async (req, res) => {
    const who = await caller(req);
    const query = parse(listQuery, req.query, 'query');
    const entityRef =
      query.entityRef === undefined
        ? undefined
        : entityRefParam('entityRef', query.entityRef);
    res.json({
      reviews: await reviews.list(
        { entityRef, status: query.status, limit: query.limit },
        who,
      ),
    });
  });

  // Users and services (Tech Insights reads it as itself): the service decides who may.
  router.get('/review-state', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRef } = parse(stateQuery, req.query, 'query');
    res.json(
      await reviews.state(entityRefParam('entityRef', entityRef), credentials),
    );
  });

  router.get('/reviews/:id', async (req, res) => {
    res.json(await reviews.get(reviewId(req), await caller(req)));
  });

  router.post('/reviews/:id/changes', async (req, res) => {
    const who = await caller(req);
    const id = reviewId(req);
    const body = parse(changeBody, req.body, 'change');
    // A comment's text belongs to the review, not to the audit trail.
    const {
      action,
      text: _text,
      ...details
    } = body.change as {
      action: string;
      text?: string;
    };
    const review = await audited(
      req,
      action === 'waive' || action === 'sign-off' ? 'medium' : 'low',
      { actionType: action, reviewId: id, ...details },
      () => reviews.change(id, body.version, body.change, who),
    );
    res.json(review);
  });

  router.get('/reviews/:id/history', async (req, res) => {
    res.json({
      events: await reviews.history(reviewId(req), await caller(req)),
    });
  });

  router.get('/reviews/:id/export', async (req, res) => {
    const who = await caller(req);
    const language = exportLanguage(req.query.lang, req.get('accept-language'));
    const markdown = await reviews.exportMarkdown(reviewId(req), who, language);
    res
      .type('text/markdown')
      .set('Content-Language', language)
      .set('Vary', 'Accept-Language')
      .send(markdown);
  });

  return router;
}
