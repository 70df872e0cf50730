import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { HandoffReviewClient } from '@diehard/plugin-handoff-review-common';
import { history, openReview, staleReview } from '../testing/fixtures';

const base = 'http://backstage.test/api/handoff-review';

describe('HandoffReviewClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new HandoffReviewClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: mockApis.fetch(),
  });

  it('opens a review with a POST of the entity ref', async () => {
    let body: unknown;
    server.use(
      http.post(`${base}/reviews`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(openReview, { status: 201 });
      }),
    );
    await expect(
      client.openReview('component:default/todo-web'),
    ).resolves.toEqual(openReview);
    expect(body).toEqual({ entityRef: 'component:default/todo-web' });
  });

  it('lists reviews with the entity and status as query parameters', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${base}/reviews`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ reviews: [staleReview] });
      }),
    );
    await expect(
      client.listReviews({
        entityRef: 'component:default/billing',
        status: 'stale',
      }),
    ).resolves.toEqual([staleReview]);
    expect(url?.searchParams.get('entityRef')).toBe(
      'component:default/billing',
    );
    expect(url?.searchParams.get('status')).toBe('stale');

    await client.listReviews();
    expect(url?.search).toBe('');
  });

  it('reads a review, its history and its Markdown export by id', async () => {
    server.use(
      http.get(`${base}/reviews/r-1`, () => HttpResponse.json(openReview)),
      http.get(`${base}/reviews/r-1/history`, () =>
        HttpResponse.json({ events: history }),
      ),
      http.get(
        `${base}/reviews/r-1/export`,
        () =>
          new HttpResponse('# Handoff review of todo-web\n', {
            headers: { 'Content-Type': 'text/markdown' },
          }),
      ),
    );
    await expect(client.getReview('r-1')).resolves.toEqual(openReview);
    await expect(client.getHistory('r-1')).resolves.toEqual(history);
    await expect(client.exportMarkdown('r-1')).resolves.toBe(
      '# Handoff review of todo-web\n',
    );
  });

  it('asks for the French export when the UI is French, English otherwise', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${base}/reviews/r-1/export`, ({ request }) => {
        asked.push(new URL(request.url).search);
        return new HttpResponse('# Revue\n', {
          headers: { 'Content-Type': 'text/markdown' },
        });
      }),
    );
    await client.exportMarkdown('r-1', 'fr');
    await client.exportMarkdown('r-1', 'en');
    await client.exportMarkdown('r-1');
    expect(asked).toEqual(['?lang=fr', '', '']);
  });

  it('posts a change with the version it was made on', async () => {
    let body: unknown;
    let contentType: string | null = null;
    server.use(
      http.post(`${base}/reviews/r-1/changes`, async ({ request }) => {
        body = await request.json();
        contentType = request.headers.get('content-type');
        return HttpResponse.json({ ...openReview, version: 8 });
      }),
    );
    const next = await client.applyChange('r-1', 7, {
      action: 'waive',
      itemId: 'posture-replicas',
      reason: 'Migrating to a managed database',
      expiresOn: '2027-01-15',
    });
    expect(next.version).toBe(8);
    expect(contentType).toBe('application/json');
    expect(body).toEqual({
      version: 7,
      change: {
        action: 'waive',
        itemId: 'posture-replicas',
        reason: 'Migrating to a managed database',
        expiresOn: '2027-01-15',
      },
    });
  });

  it('throws a ResponseError with the server message on a conflict', async () => {
    server.use(
      http.post(`${base}/reviews/r-1/changes`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message: 'review r-1 changed since you read it',
            },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    const error = await client
      .applyChange('r-1', 7, { action: 'sign-off', side: 'ops' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.body.error.message).toBe(
      'review r-1 changed since you read it',
    );
  });
});
