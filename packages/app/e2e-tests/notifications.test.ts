import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Page } from 'playwright-core';
import { stringify } from 'yaml';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { guestToken } from '../../backend/src/__testUtils__/guestSession';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { screenshot, signInAsGuest, switchToFrench } from './browser';
import { orgAnd, PortalInChromium, portalInChromium } from './portalBackend';

const corpus = path.resolve(
  __dirname,
  '../../../plugins/ha-posture-common/corpus/replicas',
);

let portal: PortalInChromium | undefined;
let backend: BackendProcess;
let page: Page;
let work: string;

/** The service's repository now holds the manifests of this corpus case. */
const useManifests = (corpusCase: string) =>
  fs.copyFileSync(
    path.join(corpus, corpusCase, 'manifests.yaml'),
    path.join(work, 'manifests.yaml'),
  );

/** Asks the posture backend to evaluate `orders` now, as the card's Refresh does. */
async function refreshUntil(grade: string) {
  const deadline = Date.now() + 120_000;
  let last = '';
  while (Date.now() < deadline) {
    // A new token each time: the guest's groups count once org.yaml is ingested.
    const token = await guestToken(backend.baseUrl);
    const response = await fetch(
      `${backend.baseUrl}/api/ha-posture/entities/component/default/orders/refresh`,
      { method: 'POST', headers: { Authorization: `Bearer ${token}` } },
    );
    last = response.ok
      ? `grade ${(await response.json()).grade}`
      : `HTTP ${response.status}: ${await response.text()}`;
    if (last === `grade ${grade}`) return;
    await new Promise(resolve => setTimeout(resolve, 1_000));
  }
  throw new Error(`orders did not reach grade ${grade} within 120 s; ${last}`);
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-e2e-'));
  useManifests('three-replicas');
  // A service owned by dev-team, whose manifests sit beside its catalog file.
  fs.writeFileSync(
    path.join(work, 'catalog-info.yaml'),
    stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orders',
        annotations: { 'diehard.io/manifests-path': '.' },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/dev-team',
      },
    }),
  );
  portal = await portalInChromium(
    { catalog: orgAnd(path.join(work, 'catalog-info.yaml')) },
    1000,
  );
  ({ backend, page } = portal);
  await refreshUntil('A');
  await signInAsGuest(page, backend.baseUrl);
});

afterAll(async () => {
  await portal?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('Notifications', () => {
  it("shows a grade drop of the guest's team's service on the Notifications page, live", async () => {
    // Live means the page has subscribed to its signal channel before the drop is sent
    // (an open socket is not enough: on a loaded machine the subscription comes later).
    const subscribed = page
      .waitForEvent('websocket', {
        predicate: socket => socket.url().includes('/api/signals'),
        timeout: 60_000,
      })
      .then(socket =>
        socket.waitForEvent('framesent', {
          predicate: frame =>
            String(frame.payload).includes('"subscribe"') &&
            String(frame.payload).includes('notifications'),
          timeout: 60_000,
        }),
      );
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Notifications' })
      .click();
    await page.getByText('Unread notifications (0)').waitFor();
    await subscribed;

    // Its repository now runs one replica: the next evaluation drops the grade.
    useManifests('single-replica');
    await refreshUntil('D');

    // Signals bring it to the open page, without a reload.
    const drop = page.getByRole('link', {
      name: 'orders: HA grade dropped from A to D',
    });
    await drop.waitFor({ timeout: 60_000 });
    // The same evaluation's new single point of failure, a separate notification (the
    // page's live update can miss one sent a few milliseconds after another: reload).
    await page.reload();
    await page
      .getByRole('link', { name: 'orders: new single point of failure' })
      .waitFor();
    await screenshot(page, 'notifications-grade-drop');
    await drop.click();
    await page.waitForURL(/\/catalog\/default\/component\/orders\/ha-posture/);
  });

  it('shows the Notifications page in French', async () => {
    await switchToFrench(page, backend.baseUrl);
    await page.goto(`${backend.baseUrl}/notifications`);
    await page.getByText('Notifications non lues (2)').waitFor();
    await page.getByText('Gravité minimale').waitFor();
    await screenshot(page, 'notifications-fr');
  });
});
