import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { mockApis } from '@backstage/frontend-test-utils';
import {
  inFrench,
  renderOnEntityPage,
  todoWebEntity,
} from '@diehard/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { handoffReviewApiRef } from '../../api';
import type { HandoffReviewApi, ReviewView } from '../../api';
import { handoffReviewTranslations } from '../../translation';
import { openReview } from '../../testing/fixtures';
import { backendError, fakeHandoffReviewApi } from '../../testing/fakeApi';
import { tomorrow } from './WaiveDialog';
import { EntityHandoffReviewContent } from './EntityHandoffReviewContent';

// Rendering the review is slow on a shared machine.
const SLOW = { timeout: 10_000 };
const DEV_TEAM = 'group:default/dev-team';
const OPS_TEAM = 'group:default/ops-team';

/** Who is signed in, what the permission policy says, and in which language. */
interface Viewer {
  user?: string;
  /** The groups the user belongs to; by default both teams, like the demo guest. */
  groups?: string[];
  authorize?: (
    request: EvaluatePermissionRequest,
  ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  language?: 'en' | 'fr';
}

function renderTab(
  api: HandoffReviewApi,
  viewer: Viewer = {},
  entity: Entity = todoWebEntity,
) {
  const user = viewer.user ?? 'user:default/guest';
  renderOnEntityPage(<EntityHandoffReviewContent />, {
    entity,
    apis: [
      [handoffReviewApiRef, api],
      mockApis.identity({
        userEntityRef: user,
        ownershipEntityRefs: [user, ...(viewer.groups ?? [DEV_TEAM, OPS_TEAM])],
      }),
      mockApis.permission({ authorize: viewer.authorize }),
    ],
    ...(viewer.language === 'fr' ? inFrench(handoffReviewTranslations) : {}),
  });
}

/**
 * Waits for the review and for what the signed-in user may do with it (offered all at
 * once), for the guest of both teams.
 */
async function reviewShown() {
  await screen.findByRole('button', { name: 'Sign off for Dev' }, SLOW);
}

function column(side: 'Dev side' | 'Ops side') {
  return screen.getByRole('region', { name: side });
}

function item(side: 'Dev side' | 'Ops side', title: string) {
  return within(column(side)).getByRole('article', { name: title });
}

/** The review once load-tested has been marked done (by whoever). */
const loadTestedDone: ReviewView = {
  ...openReview,
  version: 8,
  items: openReview.items.map(i =>
    i.id === 'dev-load-tested'
      ? {
          ...i,
          answer: {
            done: true,
            by: 'user:default/dave',
            at: '2026-11-21T10:00:00.000Z',
          },
        }
      : i,
  ),
  itemStates: { ...openReview.itemStates, 'dev-load-tested': 'passed' },
};

// Typing into Material UI fields is slow on a shared machine.
jest.setTimeout(30_000);
const userEvent = userEventLib.setup({ delay: null });

/** A review someone else changed since it was shown: the next change gets a 409. */
const changedMeanwhile = () =>
  fakeHandoffReviewApi({
    listReviews: jest.fn(async () => [openReview]),
    applyChange: jest.fn(async () => {
      throw await backendError(
        409,
        'ConflictError',
        'review r-1 changed since you read it (you have version 7, it is now 8); reload it and apply your change again',
        { reason: 'version-conflict', expectedVersion: 7, version: 8 },
      );
    }),
    getReview: jest.fn(async () => loadTestedDone),
  });

/** A refusal as the backend sends it, and what the tab says of it in English and French. */
interface Refusal {
  status: number;
  name: string;
  message: string;
  refusal: Record<string, unknown>;
  en: string;
  fr: string;
}

const policyRefusal = (
  permission: string,
  en: string,
  fr: string,
): Refusal => ({
  status: 403,
  name: 'NotAllowedError',
  message: `the permission policy refuses ${permission} on component:default/todo-web to user:default/guest`,
  refusal: {
    reason: 'policy-refused',
    permission,
    entityRef: 'component:default/todo-web',
  },
  en,
  fr,
});

/** The refusals of a change a user can meet on the tab, other than the conflict. */
const CHANGE_REFUSALS: Refusal[] = [
  policyRefusal(
    'handoff-review.answer',
    'Your change was refused: the permission policy does not let you answer or comment on the items of this review.',
    'Votre modification a été refusée : la politique d’autorisation ne vous permet pas de renseigner ni de commenter les points de cette revue.',
  ),
  policyRefusal(
    'handoff-review.waive',
    'Your change was refused: the permission policy does not let you waive items of this entity.',
    'Votre modification a été refusée : la politique d’autorisation ne vous permet pas d’accorder de dérogation sur cette entité.',
  ),
  policyRefusal(
    'handoff-review.sign-off',
    'Your change was refused: the permission policy does not let you sign off this review.',
    'Votre modification a été refusée : la politique d’autorisation ne vous permet pas de valider cette revue.',
  ),
  {
    status: 400,
    name: 'InputError',
    message: "review r-1 has no item 'dev-perf-tested'",
    refusal: { reason: 'unknown-item', itemId: 'dev-perf-tested' },
    en: 'Your change was refused: this review has no item “dev-perf-tested”. Reload it to see its items as they are.',
    fr: 'Votre modification a été refusée : cette revue n’a pas de point « dev-perf-tested ». Rechargez-la pour voir ses points tels qu’ils sont.',
  },
  {
    status: 400,
    name: 'InputError',
    message:
      "item 'posture-replicas' is checked by the posture engine; comment on it or waive it instead",
    refusal: { reason: 'item-checked-by-engine', itemId: 'posture-replicas' },
    en: 'Your change was refused: “Runs as several replicas” is checked by the posture engine, so it cannot be marked done or not done. Comment on it or waive it instead.',
    fr: 'Votre modification a été refusée : « Plusieurs réplicas » est vérifié par le moteur de posture, il ne peut donc pas être marqué fait ou non fait. Commentez-le ou accordez une dérogation.',
  },
  {
    status: 400,
    name: 'InputError',
    message: 'change.text must contain visible text',
    refusal: { reason: 'text-not-visible', field: 'comment' },
    en: 'Your change was refused: the comment has no visible text, only spaces or invisible characters.',
    fr: 'Votre modification a été refusée : le commentaire ne contient aucun texte visible, seulement des espaces ou des caractères invisibles.',
  },
  {
    status: 400,
    name: 'InputError',
    message: 'change.reason must contain visible text',
    refusal: { reason: 'text-not-visible', field: 'waiver-reason' },
    en: 'Your change was refused: the reason for the waiver has no visible text, only spaces or invisible characters.',
    fr: 'Votre modification a été refusée : le motif de la dérogation ne contient aucun texte visible, seulement des espaces ou des caractères invisibles.',
  },
  {
    status: 400,
    name: 'InputError',
    message: 'change.text is too long: 4001 characters, at most 4000',
    refusal: {
      reason: 'text-too-long',
      field: 'comment',
      length: 4001,
      max: 4000,
    },
    en: 'Your change was refused: the comment is 4001 characters long, and a comment has at most 4000.',
    fr: 'Votre modification a été refusée : le commentaire fait 4001 caractères, alors qu’un commentaire en compte au plus 4000.',
  },
  {
    status: 400,
    name: 'InputError',
    message: 'change.reason is too long: 2001 characters, at most 2000',
    refusal: {
      reason: 'text-too-long',
      field: 'waiver-reason',
      length: 2001,
      max: 2000,
    },
    en: 'Your change was refused: the reason for the waiver is 2001 characters long, and a reason has at most 2000.',
    fr: 'Votre modification a été refusée : le motif de la dérogation fait 2001 caractères, alors qu’un motif en compte au plus 2000.',
  },
];

/** A review whose every change the backend refuses, for each of `refusals` in turn. */
const refusing = (refusals: Refusal[]) => {
  const applyChange = jest.fn();
  for (const r of refusals) {
    applyChange.mockImplementationOnce(async () => {
      throw await backendError(r.status, r.name, r.message, r.refusal);
    });
  }
  return fakeHandoffReviewApi({
    listReviews: jest.fn(async () => [openReview]),
    applyChange,
  });
};

describe('EntityHandoffReviewContent', () => {
  it('offers to open a review when the entity has none, and shows it once opened', async () => {
    const api = fakeHandoffReviewApi({
      openReview: jest.fn(async () => openReview),
    });
    renderTab(api);

    expect(api.listReviews).toHaveBeenCalledWith({
      entityRef: 'component:default/todo-web',
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Open a handoff review' }),
    );

    expect(api.openReview).toHaveBeenCalledWith('component:default/todo-web');
    expect(
      await screen.findByRole('region', { name: 'Dev side' }),
    ).toBeInTheDocument();
  });

  it('offers no way to open a review where the policy refuses it, and says so', async () => {
    // A fresh entity: usePermission keeps decisions per entity for the page's life.
    const api = fakeHandoffReviewApi();
    renderTab(
      api,
      {
        authorize: ({ permission }) =>
          permission.name === 'handoff-review.create'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      },
      {
        ...todoWebEntity,
        metadata: { name: 'todo-batch', namespace: 'default' },
      },
    );

    expect(
      await screen.findByText(
        'The permission policy does not let you open a handoff review on this entity.',
        undefined,
        SLOW,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Open a handoff review' }),
    ).not.toBeInTheDocument();
    expect(api.openReview).not.toHaveBeenCalled();
  });

  it('shows the items by side with their states, evidence and waivers', async () => {
    renderTab(
      fakeHandoffReviewApi({ listReviews: jest.fn(async () => [openReview]) }),
    );
    await reviewShown();

    expect(
      screen.getByRole('heading', { name: /^Handoff review/ }),
    ).toHaveTextContent('Handoff reviewOpen');
    expect(screen.getByLabelText('Posture when opened')).toHaveTextContent(
      'grade C (critical: 1, warnings: 2)',
    );
    expect(screen.getByLabelText('Posture now')).toHaveTextContent(
      'grade D (critical: 2, warnings: 2)',
    );

    const replicas = item('Dev side', 'Runs as several replicas');
    expect(replicas).toHaveTextContent('Failed');
    expect(replicas).toHaveTextContent(
      'critical: Deployment todo/todo-db runs 1 replica',
    );
    const probes = item('Dev side', 'Readiness probes on serving containers');
    expect(probes).toHaveTextContent('Passed');
    // What the engine judged, as the item recorded it.
    expect(probes).toHaveTextContent(
      'Judged: Deployment/todo/todo-web, Deployment/todo/todo-db',
    );
    const loadTested = item('Dev side', 'Load tested at the expected peak');
    expect(loadTested).toHaveTextContent('Open');
    expect(loadTested).toHaveTextContent('Which peak did you use?');
    expect(item('Dev side', 'Runbook written')).toHaveTextContent(
      'Marked done by dave',
    );

    const spread = item('Ops side', 'Replicas spread over nodes and zones');
    expect(spread).toHaveTextContent('Waived');
    expect(spread).toHaveTextContent(
      'Waived by olivia until Feb 1, 2027: Second zone arrives in January',
    );
    expect(item('Ops side', 'On-call rota agreed')).toHaveTextContent('Failed');

    // Each item sits on its own side only.
    const ops = screen.getByRole('region', { name: 'Ops side' });
    expect(
      within(ops).queryByRole('article', { name: 'Runbook written' }),
    ).toBeNull();

    // Nobody can sign while items are open or failing, and each side reads where they are.
    expect(
      screen.getByRole('button', { name: 'Sign off for Ops' }),
    ).toBeDisabled();
    expect(ops).toHaveTextContent(
      '1 item here and 2 on the Dev side are open or failing: each side signs off the whole review',
    );
    expect(screen.getByRole('region', { name: 'Dev side' })).toHaveTextContent(
      '2 items here and 1 on the Ops side are open or failing',
    );

    // The history says who did what.
    const historyTable = await screen.findByRole('table', { name: 'History' });
    expect(historyTable).toHaveTextContent('Opened the review at grade C');
    expect(historyTable).toHaveTextContent('Marked “Runbook written” done');
    expect(historyTable).toHaveTextContent(
      'Waived “Replicas spread over nodes and zones” until Feb 1, 2027: Second zone arrives in January',
    );
  });

  it('answers an item on the version shown, then shows the new state', async () => {
    const api = fakeHandoffReviewApi({
      listReviews: jest.fn(async () => [openReview]),
      applyChange: jest
        .fn()
        .mockResolvedValueOnce(loadTestedDone)
        .mockResolvedValueOnce({ ...loadTestedDone, version: 9 }),
    });
    renderTab(api);
    await reviewShown();

    await userEvent.click(
      within(item('Dev side', 'Load tested at the expected peak')).getByRole(
        'button',
        {
          name: 'Mark done',
        },
      ),
    );

    expect(api.applyChange).toHaveBeenCalledWith('r-1', 7, {
      action: 'answer',
      itemId: 'dev-load-tested',
      done: true,
    });
    await waitFor(() =>
      expect(
        item('Dev side', 'Load tested at the expected peak'),
      ).toHaveTextContent('Passed'),
    );
    expect(screen.getByText(/Version 8/)).toBeInTheDocument();

    // The next change carries the version the server answered.
    const loadTested = item('Dev side', 'Load tested at the expected peak');
    await userEvent.click(
      within(loadTested).getByRole('button', { name: 'Comment' }),
    );
    await userEvent.type(
      within(loadTested).getByRole('textbox', { name: 'Your comment' }),
      'Peak of Black Friday 2025',
    );
    await userEvent.click(
      within(loadTested).getByRole('button', { name: 'Post comment' }),
    );
    expect(api.applyChange).toHaveBeenLastCalledWith('r-1', 8, {
      action: 'comment',
      itemId: 'dev-load-tested',
      text: 'Peak of Black Friday 2025',
    });
  });

  it('on a conflict, says the review changed and reloads it', async () => {
    const api = changedMeanwhile();
    renderTab(api);
    await reviewShown();

    await userEvent.click(
      within(item('Dev side', 'Load tested at the expected peak')).getByRole(
        'button',
        {
          name: 'Mark not done',
        },
      ),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your change was not applied: the review is no longer as shown here (someone changed it, or a waiver ran out). It has been reloaded; check it and try again if your change still makes sense.',
    );
    expect(api.getReview).toHaveBeenCalledWith('r-1');
    await waitFor(() =>
      expect(
        item('Dev side', 'Load tested at the expected peak'),
      ).toHaveTextContent('Marked done by dave'),
    );
    expect(screen.getByText(/Version 8/)).toBeInTheDocument();
  });

  it('shows which group is missing when the backend refuses a change', async () => {
    const api = fakeHandoffReviewApi({
      listReviews: jest.fn(async () => [openReview]),
      applyChange: jest.fn(async () => {
        throw await backendError(
          403,
          'NotAllowedError',
          "item 'ops-on-call' is for the Ops side: user:default/dave is not a member of group:default/ops-team",
          {
            reason: 'not-member',
            side: 'ops',
            group: 'group:default/ops-team',
          },
        );
      }),
    });
    renderTab(api);
    await reviewShown();

    await userEvent.click(
      within(item('Ops side', 'On-call rota agreed')).getByRole('button', {
        name: 'Mark done',
      }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your change was refused: it is for the Ops side, and you are not a member of ops-team.',
    );
    expect(api.getReview).not.toHaveBeenCalled();
  });

  it.each(['en', 'fr'] as const)(
    'says why the backend refuses a change, whatever the reason (%s)',
    async language => {
      const api = refusing(CHANGE_REFUSALS);
      renderTab(api, { language });
      await screen.findByRole(
        'button',
        { name: language === 'fr' ? 'Valider côté Dev' : 'Sign off for Dev' },
        SLOW,
      );

      for (const refusal of CHANGE_REFUSALS) {
        await userEvent.click(
          screen.getAllByRole('button', {
            name: language === 'fr' ? 'Marquer fait' : 'Mark done',
          })[0],
        );
        await waitFor(() =>
          expect(screen.getByRole('alert')).toHaveTextContent(
            refusal[language],
          ),
        );
        expect(screen.getByRole('alert')).not.toHaveTextContent(
          refusal.message,
        );
      }
      expect(api.applyChange).toHaveBeenCalledTimes(CHANGE_REFUSALS.length);
      expect(api.getReview).not.toHaveBeenCalled();
    },
  );

  it("shows a refusal it cannot translate, a newer backend's, in the backend's words", async () => {
    const api = refusing([
      {
        status: 400,
        name: 'InputError',
        message: 'review r-1 is archived: it takes no more changes',
        refusal: { reason: 'review-archived' },
        en: '',
        fr: '',
      },
      policyRefusal('handoff-review.archive', '', ''),
      {
        status: 400,
        name: 'InputError',
        message: 'change.text must contain visible text',
        refusal: { reason: 'text-not-visible', field: 'title' },
        en: '',
        fr: '',
      },
    ]);
    renderTab(api);
    await reviewShown();

    for (const message of [
      'review r-1 is archived: it takes no more changes',
      'the permission policy refuses handoff-review.archive on component:default/todo-web to user:default/guest',
      'change.text must contain visible text',
    ]) {
      await userEvent.click(
        within(item('Ops side', 'On-call rota agreed')).getByRole('button', {
          name: 'Mark done',
        }),
      );
      await waitFor(() =>
        expect(screen.getByRole('alert')).toHaveTextContent(
          `Your change was refused: ${message}`,
        ),
      );
    }
  });

  it('waives an item with a reason and an expiry date', async () => {
    const api = fakeHandoffReviewApi({
      listReviews: jest.fn(async () => [openReview]),
      applyChange: jest.fn(async () => openReview),
    });
    renderTab(api);
    await reviewShown();

    await userEvent.click(
      within(item('Dev side', 'Runs as several replicas')).getByRole('button', {
        name: 'Waive',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Waive “Runs as several replicas”',
    });
    const submit = within(dialog).getByRole('button', { name: 'Waive' });
    expect(submit).toBeDisabled();

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'Moving to the managed database in December',
    );
    const expiresOn = tomorrow();
    await userEvent.type(
      within(dialog).getByLabelText(/Expires on/),
      expiresOn,
    );
    await userEvent.click(submit);

    expect(api.applyChange).toHaveBeenCalledWith('r-1', 7, {
      action: 'waive',
      itemId: 'posture-replicas',
      reason: 'Moving to the managed database in December',
      expiresOn,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('signs off a side once nothing is open or failing', async () => {
    const ready: ReviewView = {
      ...loadTestedDone,
      itemStates: Object.fromEntries(
        Object.keys(openReview.itemStates).map(id => [id, 'passed' as const]),
      ),
    };
    const signed: ReviewView = {
      ...ready,
      version: 9,
      signOffs: [
        {
          side: 'ops',
          by: 'user:default/olivia',
          at: '2026-11-21T11:00:00.000Z',
          posture: {
            grade: 'B',
            critical: 0,
            warning: 1,
            evaluatedAt: '2026-11-21T11:00:00.000Z',
          },
        },
      ],
    };
    const api = fakeHandoffReviewApi({
      listReviews: jest.fn(async () => [ready]),
      applyChange: jest.fn(async () => signed),
    });
    renderTab(api);
    await reviewShown();
    const ops = column('Ops side');
    expect(ops).toHaveTextContent('Not signed off yet');

    await userEvent.click(
      within(ops).getByRole('button', { name: 'Sign off for Ops' }),
    );

    expect(api.applyChange).toHaveBeenCalledWith('r-1', 8, {
      action: 'sign-off',
      side: 'ops',
    });
    await waitFor(() =>
      expect(ops).toHaveTextContent(/Signed off by olivia on .*, at grade B/),
    );
    expect(
      within(ops).queryByRole('button', { name: 'Sign off for Ops' }),
    ).toBeNull();
    const dev = screen.getByRole('region', { name: 'Dev side' });
    expect(
      within(dev).getByRole('button', { name: 'Sign off for Dev' }),
    ).toBeEnabled();
  });

  it('exports the review as Markdown, as a file or to the clipboard', async () => {
    const api = fakeHandoffReviewApi({
      listReviews: jest.fn(async () => [openReview]),
      exportMarkdown: jest.fn(async () => '# Handoff review of todo-web\n'),
    });
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:handoff';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    try {
      renderTab(api);
      await userEvent.click(
        await screen.findByRole('button', { name: 'Export as Markdown' }),
      );
      await waitFor(() =>
        expect(downloads).toEqual(['handoff-review-todo-web-v7.md']),
      );
      expect(api.exportMarkdown).toHaveBeenCalledWith('r-1', 'en');
      expect(blobs[0].type).toBe('text/markdown;charset=utf-8');
      expect(blobs[0].size).toBe('# Handoff review of todo-web\n'.length);

      const writeText = jest.spyOn(navigator.clipboard, 'writeText');
      await userEvent.click(
        screen.getByRole('button', { name: 'Copy as Markdown' }),
      );
      expect(
        await screen.findByText('Markdown copied to the clipboard.'),
      ).toBeInTheDocument();
      expect(writeText).toHaveBeenCalledWith('# Handoff review of todo-web\n');
    } finally {
      click.mockRestore();
    }
  });
});

describe('EntityHandoffReviewContent offers each control only to who can use it', () => {
  // The app keeps the user's language in local storage: start each test afresh.

  const listing = () =>
    fakeHandoffReviewApi({ listReviews: jest.fn(async () => [openReview]) });

  it('shows a Dev user the Dev sign-off and answers, and says who signs for Ops', async () => {
    renderTab(listing(), { user: 'user:default/dave', groups: [DEV_TEAM] });

    const dev = await screen.findByRole('region', { name: 'Dev side' });
    expect(
      await within(dev).findByRole('button', { name: 'Sign off for Dev' }),
    ).toBeInTheDocument();
    expect(
      within(item('Dev side', 'Load tested at the expected peak')).getByRole(
        'button',
        { name: 'Mark done' },
      ),
    ).toBeInTheDocument();

    const ops = column('Ops side');
    expect(
      screen.queryByRole('button', { name: 'Sign off for Ops' }),
    ).toBeNull();
    expect(ops).toHaveTextContent(
      'Ops sign-off: a member of ops-team signs here',
    );
    expect(ops).toHaveTextContent(
      'Ops items: a member of ops-team answers them',
    );
    const onCall = item('Ops side', 'On-call rota agreed');
    expect(within(onCall).queryByRole('button', { name: /^Mark/ })).toBeNull();
    // Anyone may comment; only the item's side waives it.
    expect(
      within(onCall).getByRole('button', { name: 'Comment' }),
    ).toBeInTheDocument();
    expect(within(onCall).queryByRole('button', { name: 'Waive' })).toBeNull();
    expect(
      within(item('Dev side', 'Load tested at the expected peak')).getByRole(
        'button',
        { name: 'Waive' },
      ),
    ).toBeInTheDocument();
    expect(dev).not.toHaveTextContent('dev-team signs here');
  });

  it('shows an Ops user the Ops sign-off and answers, and says who signs for Dev', async () => {
    renderTab(listing(), { user: 'user:default/olivia', groups: [OPS_TEAM] });

    const ops = await screen.findByRole('region', { name: 'Ops side' });
    expect(
      await within(ops).findByRole('button', { name: 'Sign off for Ops' }),
    ).toBeInTheDocument();
    expect(
      within(item('Ops side', 'On-call rota agreed')).getByRole('button', {
        name: 'Mark done',
      }),
    ).toBeInTheDocument();

    const dev = column('Dev side');
    expect(
      screen.queryByRole('button', { name: 'Sign off for Dev' }),
    ).toBeNull();
    expect(dev).toHaveTextContent(
      'Dev sign-off: a member of dev-team signs here',
    );
    expect(dev).toHaveTextContent(
      'Dev items: a member of dev-team answers them',
    );
    expect(
      within(item('Dev side', 'Load tested at the expected peak')).queryByRole(
        'button',
        { name: /^Mark/ },
      ),
    ).toBeNull();
    expect(ops).not.toHaveTextContent('ops-team signs here');
  });

  it('shows someone in neither team no sign-off and no answer, and says who gives them', async () => {
    renderTab(listing(), {
      user: 'user:default/quentin',
      groups: ['group:default/qa-team'],
    });

    const dev = await screen.findByRole('region', { name: 'Dev side' });
    await within(dev).findByText(
      'Dev sign-off: a member of dev-team signs here',
    );
    const ops = column('Ops side');
    expect(ops).toHaveTextContent(
      'Ops sign-off: a member of ops-team signs here',
    );
    expect(dev).toHaveTextContent(
      'Dev items: a member of dev-team answers them',
    );
    expect(ops).toHaveTextContent(
      'Ops items: a member of ops-team answers them',
    );
    expect(screen.queryAllByRole('button', { name: /^Sign off/ })).toEqual([]);
    expect(screen.queryAllByRole('button', { name: /^Mark/ })).toEqual([]);
    expect(
      within(item('Dev side', 'Runbook written')).getByRole('button', {
        name: 'Comment',
      }),
    ).toBeInTheDocument();
  });

  it('follows the permission policy on the entity: no waiver or sign-off it refuses, and why', async () => {
    // usePermission keeps decisions per permission and entity for the page's life:
    // another entity than the other tests', so this policy is asked afresh.
    const todoApi: ReviewView = {
      ...openReview,
      entityRef: 'component:default/todo-api',
    };
    renderTab(
      fakeHandoffReviewApi({ listReviews: jest.fn(async () => [todoApi]) }),
      {
        user: 'user:default/dave',
        groups: [DEV_TEAM],
        authorize: ({ permission, resourceRef }) =>
          resourceRef === 'component:default/todo-api' &&
          ['handoff-review.waive', 'handoff-review.sign-off'].includes(
            permission.name,
          )
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      },
    );

    expect(
      await screen.findByText(
        'Waivers: the permission policy does not let you waive items of this entity',
        undefined,
        SLOW,
      ),
    ).toBeInTheDocument();
    const dev = column('Dev side');
    expect(
      await within(dev).findByText(
        'Dev sign-off: the permission policy does not let you sign off here',
      ),
    ).toBeInTheDocument();
    expect(screen.queryAllByRole('button', { name: 'Waive' })).toEqual([]);
    expect(screen.queryAllByRole('button', { name: /^Sign off/ })).toEqual([]);
    // Membership is still what the Ops column explains.
    expect(column('Ops side')).toHaveTextContent(
      'Ops sign-off: a member of ops-team signs here',
    );
    // Answering is allowed: the Dev user still answers the Dev items.
    expect(
      within(item('Dev side', 'Load tested at the expected peak')).getByRole(
        'button',
        { name: 'Mark done' },
      ),
    ).toBeInTheDocument();
  });

  it('says what the engine judged for an automatic item, or that there was nothing to judge, in French too', async () => {
    const nothingAround: ReviewView = {
      ...openReview,
      items: openReview.items.map(i =>
        i.id === 'posture-probes' ? { ...i, checked: [] } : i,
      ),
    };
    renderTab(
      fakeHandoffReviewApi({
        listReviews: jest.fn(async () => [nothingAround]),
      }),
      { language: 'fr' },
    );
    await screen.findByRole('button', { name: 'Valider côté Ops' }, SLOW);
    const ops = screen.getByRole('region', { name: 'Côté Ops' });
    expect(
      within(ops).getByRole('article', {
        name: 'Réplicas répartis sur les nœuds et les zones',
      }),
    ).toHaveTextContent(
      'Évalué : Deployment/todo/todo-web, Deployment/todo/todo-db',
    );
    expect(
      within(screen.getByRole('region', { name: 'Côté Dev' })).getByRole(
        'article',
        { name: 'Sondes de disponibilité sur les conteneurs qui servent' },
      ),
    ).toHaveTextContent('Rien de ce type à évaluer autour des pods.');
  });

  describe('when only Dev items are open or failing', () => {
    const devBlocks: ReviewView = {
      ...openReview,
      itemStates: { ...openReview.itemStates, 'ops-on-call': 'passed' },
    };
    const api = () =>
      fakeHandoffReviewApi({ listReviews: jest.fn(async () => [devBlocks]) });

    it('tells Ops the Dev side keeps it waiting', async () => {
      renderTab(api());
      await reviewShown();
      expect(column('Dev side')).toHaveTextContent(
        '2 items here are open or failing: answer or waive them before signing off.',
      );
      expect(column('Ops side')).toHaveTextContent(
        '2 items on the Dev side are open or failing: each side signs off the whole review, once every item is answered or waived.',
      );
    });

    it('says so in French', async () => {
      renderTab(api(), { language: 'fr' });
      await screen.findByRole('button', { name: 'Valider côté Ops' }, SLOW);
      const ops = screen.getByRole('region', { name: 'Côté Ops' });
      expect(ops).toHaveTextContent(
        '2 points côté Dev sont à traiter ou non conformes : chaque côté valide la revue entière',
      );
      expect(
        screen.getByRole('region', { name: 'Côté Dev' }),
      ).toHaveTextContent(
        '2 points de ce côté sont à traiter ou non conformes : renseignez-les',
      );
    });
  });

  it('says in French, not in the English of the backend, that the review changed meanwhile', async () => {
    const api = changedMeanwhile();
    renderTab(api, { language: 'fr' });
    await screen.findByRole('button', { name: 'Valider côté Dev' }, SLOW);

    await userEvent.click(
      within(
        within(screen.getByRole('region', { name: 'Côté Dev' })).getByRole(
          'article',
          { name: 'Test de charge au pic attendu' },
        ),
      ).getByRole('button', { name: 'Marquer non fait' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      "Votre modification n'a pas été appliquée : la revue n'est plus celle affichée ici (quelqu'un l'a modifiée, ou une dérogation a expiré). Elle a été rechargée ; vérifiez-la et recommencez si votre modification a toujours lieu d'être.",
    );
    expect(alert).not.toHaveTextContent('changed since you read it');
    expect(api.getReview).toHaveBeenCalledWith('r-1');
  });

  it('says in French how far ahead a waiver may expire when the backend refuses its date', async () => {
    const api = fakeHandoffReviewApi({
      listReviews: jest.fn(async () => [openReview]),
      applyChange: jest.fn(async () => {
        throw await backendError(
          400,
          'InputError',
          "change.expiresOn must be no later than 2027-02-18 (waivers last at most 90 days), got '2027-06-01'",
          {
            reason: 'waiver-date-too-late',
            latest: '2027-02-18',
            maxDays: 90,
          },
        );
      }),
    });
    renderTab(api, { language: 'fr' });
    await screen.findByRole('button', { name: 'Valider côté Dev' }, SLOW);

    await userEvent.click(
      within(
        within(screen.getByRole('region', { name: 'Côté Dev' })).getByRole(
          'article',
          { name: 'Plusieurs réplicas' },
        ),
      ).getByRole('button', { name: 'Accorder une dérogation' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Dérogation pour « Plusieurs réplicas »',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Motif/ }),
      'Passage à la base managée en décembre',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Date d'expiration/),
      '2027-06-01',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Accorder la dérogation' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Votre modification a été refusée : une dérogation dure au plus 90 jours, elle doit donc expirer le 18 févr. 2027 au plus tard.',
    );
    expect(alert).not.toHaveTextContent('no later than');
  });

  it('says in French why the backend refuses to open a review', async () => {
    const api = fakeHandoffReviewApi({
      openReview: jest
        .fn()
        .mockImplementationOnce(async () => {
          throw await backendError(
            403,
            'NotAllowedError',
            'the permission policy refuses handoff-review.create on component:default/todo-jobs to user:default/guest',
            {
              reason: 'policy-refused',
              permission: 'handoff-review.create',
              entityRef: 'component:default/todo-jobs',
            },
          );
        })
        .mockImplementationOnce(async () => {
          throw await backendError(
            400,
            'InputError',
            'component:default/todo-jobs has no owner: the owner group signs for Dev',
            { reason: 'no-owner', entityRef: 'component:default/todo-jobs' },
          );
        }),
    });
    // A fresh entity: usePermission keeps decisions per entity for the page's life.
    renderTab(
      api,
      { language: 'fr' },
      {
        ...todoWebEntity,
        metadata: { name: 'todo-jobs', namespace: 'default' },
      },
    );
    const open = await screen.findByRole(
      'button',
      { name: 'Ouvrir une revue de passation' },
      SLOW,
    );

    await userEvent.click(open);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        "La politique d'autorisations ne vous permet pas d'ouvrir une revue de passation sur cette entité.",
      ),
    );
    await userEvent.click(open);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Impossible d’ouvrir la revue : cette entité n’a pas de propriétaire dans le catalogue, or c’est son groupe propriétaire qui valide côté Dev. Donnez-lui un propriétaire, puis ouvrez la revue.',
      ),
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent('has no owner');
  });

  it('says in French that the policy refuses reading the history and the export', async () => {
    const readRefused = () =>
      backendError(
        403,
        'NotAllowedError',
        'the permission policy refuses handoff-review.read on component:default/todo-web to user:default/guest',
        {
          reason: 'policy-refused',
          permission: 'handoff-review.read',
          entityRef: 'component:default/todo-web',
        },
      );
    const api = fakeHandoffReviewApi({
      listReviews: jest.fn(async () => [openReview]),
      getHistory: jest.fn(async () => {
        throw await readRefused();
      }),
      exportMarkdown: jest.fn(async () => {
        throw await readRefused();
      }),
    });
    renderTab(api, { language: 'fr' });

    expect(
      await screen.findByText(
        "Impossible de charger l'historique : la politique d’autorisation ne vous permet pas de consulter les revues de passation de cette entité",
        undefined,
        SLOW,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Exporter en Markdown' }),
    );
    expect(
      await screen.findByText(
        "Impossible d'exporter la revue : la politique d’autorisation ne vous permet pas de consulter les revues de passation de cette entité",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/permission policy refuses/)).toBeNull();
  });

  it('explains in French who signs for the other side', async () => {
    renderTab(listing(), {
      user: 'user:default/dave',
      groups: [DEV_TEAM],
      language: 'fr',
    });

    const ops = await screen.findByRole('region', { name: 'Côté Ops' });
    expect(
      await within(ops).findByText(
        'Validation Ops : un membre de ops-team valide ici',
      ),
    ).toBeInTheDocument();
    expect(ops).toHaveTextContent(
      'Points Ops : un membre de ops-team les renseigne',
    );
    expect(
      within(screen.getByRole('region', { name: 'Côté Dev' })).getByRole(
        'button',
        { name: 'Valider côté Dev' },
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Valider côté Ops' }),
    ).toBeNull();
  });

  it('shows the findings behind an item in French, and the English line of an older review', async () => {
    const findingMessages = [
      {
        severity: 'critical' as const,
        message: {
          id: 'replicas-single.message',
          params: { workload: 'Deployment todo/todo-db', replicas: 1 },
        },
      },
    ];
    const review: ReviewView = {
      ...openReview,
      items: openReview.items.map(i =>
        i.id === 'posture-replicas' ? { ...i, findingMessages } : i,
      ),
    };
    renderTab(
      fakeHandoffReviewApi({ listReviews: jest.fn(async () => [review]) }),
      { language: 'fr' },
    );

    expect(
      await screen.findByText(
        "critique : Deployment todo/todo-db tourne avec 1 réplica : une panne de nœud ou une éviction l'arrête.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/runs 1 replica/)).toBeNull();
    // The spread item has no message ids (an older review): its English line stays.
    expect(
      screen.getByText('critical: All 3 replicas of todo-web on node worker-1'),
    ).toBeInTheDocument();
    expect(screen.getByText('Plusieurs réplicas')).toBeInTheDocument();
  });

  it("shows a company rule's finding in French from the text the review keeps", async () => {
    const findingMessages = [
      {
        severity: 'warning' as const,
        message: { id: 'acme-drain.message', params: {} },
        texts: {
          en: 'Deployment todo/todo-web does not drain its requests.',
          fr: 'Deployment todo/todo-web ne vide pas ses requêtes.',
        },
      },
    ];
    const review: ReviewView = {
      ...openReview,
      entityRef: 'component:default/todo-drain',
      items: openReview.items.map(i =>
        i.id === 'posture-replicas'
          ? {
              ...i,
              findings: [
                'warning: Deployment todo/todo-web does not drain its requests.',
              ],
              findingMessages,
            }
          : i,
      ),
    };
    renderTab(
      fakeHandoffReviewApi({ listReviews: jest.fn(async () => [review]) }),
      { language: 'fr' },
    );

    expect(
      await screen.findByText(
        'avertissement : Deployment todo/todo-web ne vide pas ses requêtes.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/does not drain/)).toBeNull();
  });
});
