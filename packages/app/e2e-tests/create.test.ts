import { Page } from 'playwright-core';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { pickOwner, screenshot } from './browser';
import { expectValue, SignedInLabPortal, signedInLabPortal } from './labPortal';

/**
 * The "Create" page of the portal as `scripts/start.sh` runs it: the
 * developer's form for tomcat-ha-service offers the clusters and namespaces of
 * diehard.apply.clusters, by the titles the Kubernetes config gives them.
 */
let portal: SignedInLabPortal | undefined;
let backend: BackendProcess;
let page: Page;

beforeAll(async () => {
  portal = await signedInLabPortal();
  ({ backend, page } = portal);
});

afterAll(() => portal?.stop());

it('offers the lab cluster by its title and its namespace in the HA Tomcat service form', async () => {
  await page.goto(
    `${backend.baseUrl}/create/templates/default/tomcat-ha-service`,
  );
  await page.getByRole('textbox', { name: 'Name' }).fill('todo-picked');
  await pickOwner(page, 'Owner', 'Dev', /Dev team/);
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
