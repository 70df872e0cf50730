import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import type { OidcEndpoint, OidcUser } from '../../../lab/src/components/oidc';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { guestToken } from '../../backend/src/__testUtils__/guestSession';
import { startBackendWithLabOidc } from '../../backend/src/__testUtils__/labOidcAuth';
import { assertAppIsBuilt, launchChromium, screenshot } from './browser';

/**
 * Issue #9: a Dev user and an Ops user, each signed in through the lab's real OpenID
 * Provider, complete the handoff review of the demo eni-todo system's web component.
 */
const PORT = 7113;
const ENTITY = 'component:default/eni-todo-web';
const REVIEW_TAB = '/catalog/default/component/eni-todo-web/handoff-review';
const DEV_ITEMS = [
  'Load tested at the expected peak',
  'Restore from backup tested',
  'Runbook written',
];
const OPS_ITEMS = [
  'On-call rota agreed',
  'Monitoring and alerts in place',
  'Database and volume backups scheduled',
];
const CONTROL_PLANE = 'Cluster control plane with a quorum';
const WAIVER_REASON =
  'The production cluster runs three API servers and etcd members; see its page.';
const waiverExpiry = new Date(Date.now() + 30 * 86400_000)
  .toISOString()
  .slice(0, 10);

let oidc: OidcEndpoint;
let backend: BackendProcess;
let browser: Browser;

/** Starts (or reuses) the lab's OpenID Provider through the lab's command line. */
function labOidc(): OidcEndpoint {
  const cli = path.resolve(__dirname, '../../../lab/bin/diehard-lab');
  execFileSync(process.execPath, [cli, 'up', 'oidc'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const endpoints = JSON.parse(
    execFileSync(process.execPath, [cli, 'env', '--json'], {
      encoding: 'utf8',
    }),
  );
  if (!endpoints.oidc) throw new Error('the lab reports no running oidc');
  return endpoints.oidc;
}

interface Reviewer {
  user: OidcUser;
  context: BrowserContext;
  page: Page;
}
let alice: Reviewer;
let bruno: Reviewer;

async function waitForCatalog(baseUrl: string, refs: string[]) {
  const token = await guestToken(baseUrl);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/catalog/entities/by-refs`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ entityRefs: refs }),
    });
    if (response.ok && (await response.json()).items.every(Boolean)) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `the demo catalog did not hold ${refs.join(', ')} within 90 s`,
  );
}

/** The Backstage token of a signed-in browser context, as the app refreshes it. */
async function tokenOf(reviewer: Reviewer): Promise<string> {
  const response = await reviewer.context.request.get(
    `${backend.baseUrl}/api/auth/oidc/refresh?optional&env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(response.status()).toBe(200);
  return (await response.json()).backstageIdentity.token;
}

async function api(reviewer: Reviewer, path: string, init: RequestInit = {}) {
  return fetch(`${backend.baseUrl}/api/handoff-review${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${await tokenOf(reviewer)}`,
      'Content-Type': 'application/json',
    },
  });
}

/**
 * Clicks the sign-in button until the popup opens: while the page's first silent
 * session check is still running, a click can go unanswered.
 */
async function openSignInPopup(page: Page): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const popup = page.waitForEvent('popup', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Sign in' }).click();
    try {
      return await popup;
    } catch (error) {
      if (attempt === 3) {
        await screenshot(page, 'handoff-failed-no-popup');
        throw new Error(
          `clicking "Sign in" 3 times opened no popup\n--- backend output ---\n${backend
            .output()
            .split('\n')
            .slice(-20)
            .join('\n')}`,
          { cause: error },
        );
      }
    }
  }
}

/** Signs in through the company sign-in popup: the lab provider's own login page. */
async function signIn(email: string, shot?: string): Promise<Reviewer> {
  const user = oidc.users.find(u => u.email === email)!;
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    // The lab's login page follows Accept-Language: ask for the English one.
    locale: 'en-US',
    // The lab's provider serves HTTPS with a certificate of the lab's own CA, which
    // this Chromium's trust store does not hold (the portal trusts it below).
    ignoreHTTPSErrors: true,
  });
  const page = await context.newPage();
  await page.goto(backend.baseUrl);
  await page.getByText('Sign in with your company account').waitFor();
  const popup = await openSignInPopup(page);
  await popup
    .getByRole('heading', { name: 'Diehard lab sign-in' })
    .waitFor()
    .catch(async error => {
      throw new Error(
        `the sign-in popup did not reach the lab's login page: it shows ${popup.url()}: ${(
          await popup
            .locator('body')
            .innerText()
            .catch(() => '')
        ).slice(0, 500)}\n--- backend output ---\n${backend
          .output()
          .split('\n')
          .slice(-20)
          .join('\n')}`,
        { cause: error },
      );
    });
  await popup.getByLabel('Email').fill(user.email);
  await popup.getByLabel('Password').fill(user.password);
  if (shot) await screenshot(popup, shot);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Diehard demo Catalog' }).waitFor();
  return { user, context, page };
}

const side = (page: Page, name: 'Dev side' | 'Ops side') =>
  page.getByRole('region', { name });
const item = (page: Page, title: string) =>
  page.getByRole('article', { name: title });

/** Loads the entity's Handoff review tab afresh (the session survives the reload). */
async function openReviewTab(
  page: Page,
  waitFor: 'review' | 'no review' = 'review',
) {
  await page.goto(`${backend.baseUrl}${REVIEW_TAB}`);
  await (waitFor === 'review'
    ? side(page, 'Dev side')
    : page.getByRole('button', { name: 'Open a handoff review' })
  ).waitFor();
}

async function markDone(page: Page, title: string, by: string) {
  const card = item(page, title);
  await card.getByRole('button', { name: 'Mark done' }).click();
  await card.getByText(`Marked done by ${by}`).waitFor();
}

beforeAll(async () => {
  assertAppIsBuilt();
  oidc = labOidc();
  backend = await startBackendWithLabOidc(oidc, PORT, {
    diehard: { signInProvider: 'oidc' },
  });
  await waitForCatalog(backend.baseUrl, [
    ENTITY,
    'user:default/alice',
    'user:default/bruno',
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await backend?.stop();
});

describe('a Dev and an Ops user complete a handoff review', () => {
  it('signs Alice (Dev) in through the OIDC popup; she opens the review and answers the Dev items', async () => {
    alice = await signIn('alice@example.com', 'handoff-01-oidc-login');
    await openReviewTab(alice.page, 'no review');
    await alice.page
      .getByRole('button', { name: 'Open a handoff review' })
      .click();
    await side(alice.page, 'Dev side').waitFor();
    for (const title of DEV_ITEMS) await markDone(alice.page, title, 'alice');
    // Ops items are not hers: nothing lets her sign while they are open.
    await expect(
      side(alice.page, 'Dev side')
        .getByRole('button', { name: 'Sign off for Dev' })
        .isDisabled(),
    ).resolves.toBe(true);
    await screenshot(alice.page, 'handoff-02-alice-dev-answered');
  });

  it("signs Bruno (Ops) in; he sees Alice's answers, answers the Ops items and waives the control plane", async () => {
    bruno = await signIn('bruno@example.com');
    await openReviewTab(bruno.page);
    await item(bruno.page, 'Runbook written')
      .getByText('Marked done by alice')
      .waitFor();
    for (const title of OPS_ITEMS) await markDone(bruno.page, title, 'bruno');

    const controlPlane = item(bruno.page, CONTROL_PLANE);
    await controlPlane.getByRole('button', { name: 'Waive' }).click();
    const dialog = bruno.page.getByRole('dialog', {
      name: `Waive “${CONTROL_PLANE}”`,
    });
    await dialog.getByLabel('Reason').fill(WAIVER_REASON);
    await dialog.getByLabel('Expires on').fill(waiverExpiry);
    await screenshot(bruno.page, 'handoff-03-bruno-waiver');
    await dialog.getByRole('button', { name: 'Waive' }).click();
    await controlPlane
      .getByText(`Waived by bruno until`, { exact: false })
      .waitFor();
    await controlPlane.getByText(WAIVER_REASON, { exact: false }).waitFor();
  });

  it("shows Alice Bruno's changes; she may not sign for Ops (UI and API) and signs for Dev", async () => {
    await openReviewTab(alice.page);
    await item(alice.page, 'On-call rota agreed')
      .getByText('Marked done by bruno')
      .waitFor();
    await item(alice.page, CONTROL_PLANE)
      .getByText('Waived by bruno until', { exact: false })
      .waitFor();

    // The Ops sign-off is not offered to her: the tab says who gives it.
    await side(alice.page, 'Ops side')
      .getByText('Ops sign-off: a member of ops-team signs here')
      .waitFor();
    await expect(
      side(alice.page, 'Ops side')
        .getByRole('button', { name: 'Sign off for Ops' })
        .count(),
    ).resolves.toBe(0);
    await screenshot(alice.page, 'handoff-04-alice-refused-ops');

    const [review] = (
      await (await api(alice, `/reviews?entityRef=${ENTITY}`)).json()
    ).reviews;
    const refused = await api(alice, `/reviews/${review.id}/changes`, {
      method: 'POST',
      body: JSON.stringify({
        version: review.version,
        change: { action: 'sign-off', side: 'ops' },
      }),
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain(
      'not a member of group:default/ops-team',
    );
    const unchanged = await (await api(alice, `/reviews/${review.id}`)).json();
    expect([unchanged.version, unchanged.signOffs]).toEqual([
      review.version,
      [],
    ]);

    await side(alice.page, 'Dev side')
      .getByRole('button', { name: 'Sign off for Dev' })
      .click();
    await side(alice.page, 'Dev side')
      .getByText('Signed off by alice on', { exact: false })
      .waitFor();
  });

  it("shows Bruno Alice's sign-off; he signs for Ops and the review is approved", async () => {
    await openReviewTab(bruno.page);
    await side(bruno.page, 'Dev side')
      .getByText('Signed off by alice on', { exact: false })
      .waitFor();
    await side(bruno.page, 'Ops side')
      .getByRole('button', { name: 'Sign off for Ops' })
      .click();
    await side(bruno.page, 'Ops side')
      .getByText('Signed off by bruno on', { exact: false })
      .waitFor();
    await bruno.page.getByText('Approved', { exact: true }).first().waitFor();
    await screenshot(bruno.page, 'handoff-05-approved');

    await openReviewTab(alice.page);
    await side(alice.page, 'Ops side')
      .getByText('Signed off by bruno on', { exact: false })
      .waitFor();
    await screenshot(alice.page, 'handoff-06-alice-sees-approved');
  });

  it('shows the signed review on the HA posture card, with a link to the tab', async () => {
    await alice.page.goto(
      `${backend.baseUrl}/catalog/default/component/eni-todo-web`,
    );
    const handoff = alice.page.getByRole('region', { name: 'Handoff review' });
    await handoff.getByText('Signed off by Dev and Ops').waitFor();
    await screenshot(alice.page, 'handoff-07-posture-card');
    await handoff
      .getByRole('link', { name: 'Open the handoff review' })
      .click();
    await side(alice.page, 'Ops side')
      .getByText('Signed off by bruno on', { exact: false })
      .waitFor();
  });

  it('exports Markdown that says what was done: every item, the waiver and both sign-offs', async () => {
    const downloaded = bruno.page.waitForEvent('download');
    await bruno.page
      .getByRole('button', { name: 'Export as Markdown' })
      .click();
    const download = await downloaded;
    const markdown = fs.readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(
      /^handoff-review-eni-todo-web-v\d+\.md$/,
    );

    const [review] = (
      await (await api(bruno, `/reviews?entityRef=${ENTITY}`)).json()
    ).reviews;
    expect(review.status).toBe('approved');
    expect(markdown).toBe(
      await (await api(bruno, `/reviews/${review.id}/export`)).text(),
    );

    expect(markdown).toContain(`# Handoff review: ${ENTITY}`);
    expect(markdown).toContain('- Status: **approved**');
    expect(markdown).toContain('- Opened by user:default/alice on');
    const marks: Record<string, string> = {
      passed: '[x]',
      waived: '[~]',
      failed: '[ ]',
      open: '[ ]',
    };
    for (const each of review.items) {
      const state = review.itemStates[each.id];
      expect(markdown).toContain(`- ${marks[state]} ${each.title} — ${state}`);
    }
    for (const title of [...DEV_ITEMS, ...OPS_ITEMS])
      expect(markdown).toContain(`- [x] ${title} — passed`);
    expect(markdown).toContain(`- [~] ${CONTROL_PLANE} — waived`);
    expect(markdown).toContain(
      `  - waived by user:default/bruno until ${waiverExpiry}: ${WAIVER_REASON}`,
    );
    expect(markdown).toMatch(/- Dev: user:default\/alice on .*, at grade A/);
    expect(markdown).toMatch(/- Ops: user:default\/bruno on .*, at grade A/);
    const history = markdown.slice(markdown.indexOf('## History'));
    expect(history.match(/user:default\/alice: answer/g)).toHaveLength(3);
    expect(history.match(/user:default\/bruno: answer/g)).toHaveLength(3);
    expect(history).toContain('user:default/bruno: waive');
    expect(history).toContain('user:default/alice: sign-off');
    expect(history).toContain('user:default/bruno: sign-off');
    expect(markdown).not.toContain(oidc.clientSecret);
  });
});
