import crypto from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { ensurePlatformImages } from '@diehard/lab';
import { pickOwner, screenshot } from './browser';
import { expectValue, SignedInLabPortal, signedInLabPortal } from './labPortal';

/**
 * A newcomer's first services, as the README's start command gives them: the portal
 * against the lab (app-config.yaml + app-config.lab.yaml, the platform base images in
 * the lab's registry, as `yarn lab images` puts them there). In the browser only:
 * sign in, Create, pick the template, fill the form through its pickers, create, wait
 * for every step, open the new entity in the catalog and see its live posture.
 * First the Galera cluster the service's DSN names, then the service.
 */
jest.setTimeout(30 * 60_000);

const run = crypto.randomBytes(3).toString('hex');
const GALERA = `galera-${run}`;
const SERVICE = `todo-${run}`;

let portal: SignedInLabPortal | undefined;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The base images the Dockerfile starts FROM, as `yarn lab images` puts them there.
  portal = await signedInLabPortal(lab => ensurePlatformImages(lab.registry));
  ({ browser, page } = portal);
});

afterAll(() => portal?.stop());

/** Opens Create and chooses the template whose card has this title. */
async function chooseTemplate(title: string) {
  await page.getByRole('link', { name: 'Create' }).first().click();
  // The template's card: the closest block around its title that has a Choose button.
  const card = page
    .getByText(title, { exact: true })
    .locator('xpath=ancestor::*[.//button[normalize-space()="Choose"]][1]');
  await card.getByRole('button', { name: 'Choose' }).click();
  await page.getByRole('textbox', { name: 'Name' }).waitFor();
}

/** The pickers choose the only cluster and namespace the guest may deploy to. */
async function expectTargetChosen() {
  const cluster = page.getByRole('combobox', { name: /^Cluster/ });
  const namespace = page.getByRole('combobox', { name: /^Namespace/ });
  await expectValue(cluster, 'lab');
  await expectValue(namespace, 'diehard-apps');
}

/**
 * Creates, then waits on the task page until the run ends: every step done and the
 * "Open in the catalog" link shown, or a failed step (named with its log's end).
 */
async function createAndWait(screenshotName: string, timeoutMs: number) {
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const done = page.getByRole('link', { name: 'Open in the catalog' });
  const failed = page.getByText(/failed|error/i).first();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done.isVisible()) break;
    if (await page.getByRole('button', { name: 'Start Over' }).isVisible()) {
      if (await failed.isVisible()) {
        await screenshot(page, `${screenshotName}-failed`);
        throw new Error(
          `the run failed: ${(await page.locator('body').innerText()).slice(
            -2000,
          )}`,
        );
      }
    }
    await page.waitForTimeout(2_000);
  }
  await done.waitFor({ timeout: 1_000 });
  await screenshot(page, screenshotName);
}

/**
 * Follows "Open in the catalog" as soon as the run ends, as a newcomer does: the run
 * waited for the catalog to process the location it registered, so the entity's page
 * opens, not "Entity not found" (which does not recover by itself).
 */
async function openInCatalog(name: string) {
  await page.getByRole('link', { name: 'Open in the catalog' }).click();
  await page
    .getByRole('heading', { name: new RegExp(name) })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.getByText('About', { exact: true }).first().waitFor();
  expect(await page.getByText('Entity not found').count()).toBe(0);
}

/**
 * The overview's posture card, read live from the lab, at `grade`. Right after a
 * deploy the controllers may not have caught up (a budget that allows no eviction
 * yet), and the card rightly says so: it is refreshed until the cluster settles.
 */
async function expectLiveGrade(grade: string, screenshotName: string) {
  const live = page.getByText('Live from cluster lab');
  const graded = page.getByRole('img', { name: `Grade ${grade}` }).first();
  const deadline = Date.now() + 240_000;
  while (!((await live.isVisible()) && (await graded.isVisible()))) {
    if (Date.now() > deadline) {
      await screenshot(page, `${screenshotName}-failed`);
      throw new Error(
        `the posture card did not show a live grade ${grade} within 240 s: ${(
          await page.locator('main').innerText()
        ).slice(0, 3000)}`,
      );
    }
    const refresh = page.getByRole('button', { name: 'Refresh' }).first();
    if (await refresh.isVisible()) await refresh.click();
    await page.waitForTimeout(3_000);
  }
  await screenshot(page, screenshotName);
}

it('creates a Galera cluster from the browser and sees its live posture', async () => {
  await chooseTemplate('MariaDB Galera cluster');
  await page.getByRole('textbox', { name: 'Name' }).fill(GALERA);
  await pickOwner(page, 'Owner', 'Ops', /Ops team/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expectTargetChosen();
  await page.getByRole('button', { name: 'Next' }).click();
  await createAndWait('newcomer-01-galera-created', 10 * 60_000);

  await openInCatalog(GALERA);
  await expectLiveGrade('A', 'newcomer-02-galera-entity');
});

/**
 * The service form, filled as the README's "Your first service" says; `mistyped` first
 * names a Galera cluster and a storage class that are not there, which Next refuses.
 */
async function fillServiceForm(options: { mistyped?: boolean } = {}) {
  await chooseTemplate('Highly available Tomcat service');
  await page.getByRole('textbox', { name: 'Name' }).fill(SERVICE);
  await pickOwner(page, 'Owner', 'Dev', /Dev team/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expectTargetChosen();
  await page.getByRole('button', { name: 'Next' }).click();
  const galera = page.getByRole('textbox', { name: 'Galera cluster' });
  const storage = page.getByRole('textbox', { name: 'NFS storage class' });
  // The lab's storage classes, read from its cluster, under the field.
  await page
    .getByText(
      /On HA lab: local-ssd \(one node only\), nfs-ha \(highly available\)/,
    )
    .first()
    .waitFor();
  if (options.mistyped) {
    await galera.fill(`${GALERA}x`);
    await storage.fill('nfs-hq');
    await page.getByRole('button', { name: 'Next' }).click();
    // Both refused, with the cluster just created among those offered.
    await page
      .getByText(
        new RegExp(
          `^No Galera cluster “${GALERA}x” in lab/diehard-apps: choose one of .*${GALERA} \\(3 nodes\\)`,
        ),
      )
      .first()
      .waitFor();
    await page
      .getByText(
        /^No storage class “nfs-hq” on HA lab: choose one of .*nfs-ha \(highly available\)/,
      )
      .first()
      .waitFor();
    await screenshot(page, 'newcomer-03a-data-mistyped');
    // A class the lab has, but whose volumes live on one node: the replicas could not share it.
    await galera.fill(GALERA);
    await storage.fill('local-ssd');
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByText(
        /^“local-ssd” keeps each volume on one node of HA lab: .*Choose one of nfs-ha \(highly available\)/,
      )
      .first()
      .waitFor();
    await screenshot(page, 'newcomer-03b-data-node-local');
  }
  await galera.fill(GALERA);
  await storage.fill('nfs-ha');
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('textbox', { name: 'Host name' })
    .fill(`${SERVICE}.apps.example.org`);
  await page.getByRole('button', { name: 'Next' }).click();
}

it('creates an HA Tomcat service on that cluster from the browser: built, pushed, deployed, registered, grade A live', async () => {
  await fillServiceForm({ mistyped: true });
  await createAndWait('newcomer-03-service-created', 25 * 60_000);

  await openInCatalog(SERVICE);
  await expectLiveGrade('A', 'newcomer-04-service-entity');

  // "View source" opens its repository on the lab's git server.
  const source = await page
    .getByRole('link', { name: /view source/i })
    .getAttribute('href');
  const repository = await browser.newPage();
  await repository.goto(source!);
  await repository.getByRole('link', { name: 'catalog-info.yaml' }).waitFor();
  await repository.getByRole('link', { name: /^k8s/ }).waitFor();
  await screenshot(repository, 'newcomer-05-service-repository');
  await repository.close();

  // Its pods on the Kubernetes tab, on the lab's fake nodes.
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('button', { name: 'Deployment' })
    .click();
  await page.getByRole('menuitemradio', { name: 'Kubernetes' }).click();
  await page.getByText('3 pods').waitFor({ timeout: 120_000 });
  await page.getByText('No pods with errors').waitFor();
  expect(
    await page
      .getByText('There was a problem retrieving Kubernetes objects')
      .count(),
  ).toBe(0);
  await page.getByText('HA lab').click();
  await page
    .getByRole('button', { name: new RegExp(`^${SERVICE}`) })
    .first()
    .waitFor();
  await screenshot(page, 'newcomer-06-service-pods');

  // What its pods rely on, on the HA posture tab: its Ingress, its Galera cluster, its volume.
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('button', { name: 'Deployment' })
    .click();
  await page.getByRole('menuitemradio', { name: 'HA posture' }).click();
  const lane = (name: string) => page.getByRole('region', { name });
  await lane('Entry points')
    .getByText(`Ingress/diehard-apps/${SERVICE}`, { exact: true })
    .waitFor({ timeout: 120_000 });
  await lane('Databases')
    .getByText(`StatefulSet/diehard-apps/${GALERA}`, { exact: true })
    .waitFor();
  await lane('Volumes')
    .getByText(`PersistentVolumeClaim/diehard-apps/${SERVICE}-attachments`, {
      exact: true,
    })
    .waitFor();
  await screenshot(page, 'newcomer-06b-service-around');
});

it('refuses the same service a second time at Next, and then its host, before anything runs, saying why', async () => {
  await chooseTemplate('Highly available Tomcat service');
  await page.getByRole('textbox', { name: 'Name' }).fill(SERVICE);
  await pickOwner(page, 'Owner', 'Dev', /Dev team/);
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByText(
      `“${SERVICE}” is already in the catalog (component:default/${SERVICE}): choose another name.`,
    )
    .first()
    .waitFor({ timeout: 60_000 });
  await screenshot(page, 'newcomer-07-same-service-refused');
  // Still on the first page: no target asked for, nothing ran.
  expect(await page.getByRole('combobox', { name: /^Cluster/ }).count()).toBe(
    0,
  );
  await page.getByRole('textbox', { name: 'Name' }).fill(`${SERVICE}-2`);
  await page.getByRole('button', { name: 'Next' }).click();
  await expectTargetChosen();
  await page.getByRole('button', { name: 'Next' }).click();
  // The Galera cluster and the NFS class chosen for it; then the first service's host.
  await page.getByRole('textbox', { name: 'NFS storage class' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('textbox', { name: 'Host name' })
    .fill(`${SERVICE}.apps.example.org`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByText(
      `The host “${SERVICE}.apps.example.org” is already served by Ingress diehard-apps/${SERVICE} on HA lab: choose another host name, or remove that Ingress first.`,
    )
    .first()
    .waitFor({ timeout: 60_000 });
  await screenshot(page, 'newcomer-08-host-taken');
});
