import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  createExtensionTester,
  mockApis,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import {
  HandoffReviewClient,
  PostureSnapshot,
  ReviewView,
} from '@diehard/plugin-handoff-review-common';
import { inFrench, renderOnEntityPage } from '@diehard/frontend-test-utils';
import { handoffReviewApiRef } from '../../api';
import { handoffReviewTranslations } from '../../translation';
import { handoffReviewPostureCardSection } from '../../plugin';
import { HandoffReviewStatus } from './HandoffReviewStatus';

const client = () =>
  new HandoffReviewClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: mockApis.fetch(),
  });

const REVIEWS = 'http://backstage.test/api/handoff-review/reviews';

/** `element` on todo-web's entity page of the test app (French with `inFrench`). */
function renderOnEntity(
  element: JSX.Element,
  options: Partial<ReturnType<typeof inFrench>> = {},
) {
  return renderOnEntityPage(element, {
    apis: [[handoffReviewApiRef, client()]],
    ...options,
  });
}
const gradeA: PostureSnapshot = {
  grade: 'A',
  critical: 0,
  warning: 0,
  evaluatedAt: '2026-11-20T10:00:00Z',
};

function review(overrides: Partial<ReviewView> = {}): ReviewView {
  return {
    id: 'r1',
    entityRef: 'component:default/todo-web',
    version: 4,
    createdBy: 'user:default/alice',
    createdAt: '2026-11-20T10:00:00Z',
    devGroup: 'group:default/dev-team',
    opsGroup: 'group:default/ops-team',
    posture: gradeA,
    items: ['dev-runbook', 'ops-on-call', 'posture-control-plane'].map(id => ({
      id,
      title: id,
      kind: 'manual' as const,
      side: 'dev' as const,
      comments: [],
    })),
    itemStates: {
      'dev-runbook': 'passed',
      'ops-on-call': 'open',
      'posture-control-plane': 'waived',
    },
    signOffs: [],
    status: 'open',
    stale: false,
    staleReasons: [],
    ...overrides,
  };
}

it('is a section the HA posture card shows, once loaded', async () => {
  const server = setupServer(
    http.get(REVIEWS, () => HttpResponse.json({ reviews: [] })),
  );
  server.listen();
  try {
    const section = createExtensionTester(handoffReviewPostureCardSection, {
      apis: [[handoffReviewApiRef, client()]],
    });
    await renderOnEntity(section.reactElement());
    expect(
      await screen.findByRole('region', { name: 'Handoff review' }),
    ).toHaveTextContent('None yet');
  } finally {
    server.close();
  }
});

describe('the handoff review on the HA posture card', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const asked: string[] = [];

  function serveReviews(reviews: ReviewView[] | { status: number }) {
    server.use(
      http.get(REVIEWS, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('entityRef')!);
        return Array.isArray(reviews)
          ? HttpResponse.json({ reviews })
          : HttpResponse.json(
              {
                error: { name: 'Error', message: 'database is down' },
                request: { method: 'GET', url: '/reviews' },
                response: { statusCode: reviews.status },
              },
              { status: reviews.status },
            );
      }),
    );
  }

  async function renderCard() {
    await renderOnEntity(<HandoffReviewStatus />);
    return screen.findByRole('region', { name: 'Handoff review' });
  }

  /** The card's `text`, once shown for `reviews` (or a failing backend). */
  async function findOnCard(
    reviews: Parameters<typeof serveReviews>[0],
    text: string,
  ) {
    serveReviews(reviews);
    await renderCard();
    return screen.findByText(text);
  }

  it('says there is no review yet, with a link to the tab to open one', async () => {
    serveReviews([]);
    const section = await renderCard();
    expect(await screen.findByText('None yet')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the handoff review' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/todo-web/handoff-review',
    );
    expect(section).toBeInTheDocument();
    expect(asked).toContain('component:default/todo-web');
  });

  it.each<[string, Parameters<typeof serveReviews>[0], string]>([
    [
      'counts the done items of an open review (passed or waived)',
      [review()],
      'Open: 2 of 3 items done',
    ],
    [
      'shows the latest review when an entity has several',
      [
        review({
          id: 'old',
          status: 'approved',
          createdAt: '2026-01-01T00:00:00Z',
        }),
        review({ id: 'new', createdAt: '2026-11-21T00:00:00Z' }),
      ],
      'Open: 2 of 3 items done',
    ],
    [
      'says a review is signed off by both sides',
      [review({ status: 'approved' })],
      'Signed off by Dev and Ops',
    ],
    [
      'says why a signed review is stale',
      [
        review({
          status: 'approved',
          stale: true,
          staleReasons: [
            {
              kind: 'posture-degraded',
              signed: gradeA,
              current: { ...gradeA, grade: 'D', critical: 1 },
            },
            { kind: 'waiver-expired', itemIds: ['posture-control-plane'] },
          ],
        }),
      ],
      'Stale: the posture fell from A to D; 1 waiver expired',
    ],
    [
      'says so when the handoff-review backend cannot answer',
      { status: 500 },
      'Could not read the handoff review: database is down (500)',
    ],
  ])('%s', async (_title, reviews, text) => {
    expect(await findOnCard(reviews, text)).toBeInTheDocument();
  });
});

describe('the handoff review on the HA posture card, in French', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('says where the review stands and links to it in French', async () => {
    server.use(
      http.get(REVIEWS, () =>
        HttpResponse.json({
          reviews: [
            review({
              status: 'approved',
              stale: true,
              staleReasons: [
                {
                  kind: 'waiver-expired',
                  itemIds: ['posture-control-plane', 'ops-on-call'],
                },
              ],
            }),
          ],
        }),
      ),
    );
    await renderOnEntity(
      <HandoffReviewStatus />,
      inFrench(handoffReviewTranslations),
    );
    expect(
      await screen.findByRole('region', { name: 'Revue de passation' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Caduque : 2 dérogations expirées'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Ouvrir la revue de passation' }),
    ).toBeInTheDocument();
  });
});
