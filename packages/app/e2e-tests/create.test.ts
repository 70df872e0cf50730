import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { freePort, useLab } from '@diehard/lab';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { startLabPortal } from '../../backend/src/__testUtils__/startLabPortal';
import { assertAppIsBuilt, launchChromium, screenshot } from './browser';

/**
 * The "Create" page of the portal as `scripts/start.sh` runs it: the
 * developer's form for tomcat-ha-service offers the clusters and namespaces of
 * diehard.apply.clusters, by the titles the Kubernetes config gives them.
 */
let backend: BackendProcess;
let browser: Browser;
let page: Page;
let work: string;

beforeAll(async () => {
  assertAppIsBuilt();
  const lab = await useLab(['kubernetes', 'registry', 'git']);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-create-'));
  backend = await startLabPortal({
    lab,
    port: await freePort(),
    workDir: work,
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(backend.baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('heading', { name: 'Diehard demo Catalog' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await backend?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

it('offers the lab cluster by its title and its namespace in the HA Tomcat service form', async () => {
  await page.goto(
    `${backend.baseUrl}/create/templates/default/tomcat-ha-service`,
  );
  await page.getByRole('textbox', { name: 'Name' }).fill('todo-picked');
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.click();
  await owner.fill('Dev');
  await page
    .getByRole('option', { name: /Dev team/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  const cluster = page.getByRole('combobox', { name: /^Cluster/ });
  const namespace = page.getByRole('combobox', { name: /^Namespace/ });
  await cluster.waitFor();
  // The only cluster open to the user is chosen for them, shown by its title.
  await expectValue(cluster, 'lab');
  expect(await cluster.locator('option:checked').innerText()).toBe('HA lab');
  await expectValue(namespace, 'diehard-apps');
  expect(
    await namespace
      .locator('option')
      .evaluateAll(options =>
        options.map(o => (o as HTMLOptionElement).value).filter(Boolean),
      ),
  ).toEqual(['diehard-apps']);
  await screenshot(page, 'create-01-target-pickers');
});

/** A select's value once the picker has loaded its options. */
async function expectValue(
  select: ReturnType<Page['getByRole']>,
  value: string,
) {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await select.inputValue();
    if (last === value) return;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`expected ${value}, the field shows "${last}"`);
}
