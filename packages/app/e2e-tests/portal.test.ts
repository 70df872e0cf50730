import { Browser, Page } from 'playwright-core';
import {
  BackendProcess,
  startBackendProcess,
} from '../../backend/src/testing/startBackendProcess';
import { guestToken } from '../../backend/src/testing/guestSession';
import { assertAppIsBuilt, launchChromium, screenshot } from './browser';

let backend: BackendProcess;
let browser: Browser;
let page: Page;

async function waitForDemoCatalog(baseUrl: string) {
  const token = await guestToken(baseUrl);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const response = await fetch(
      `${baseUrl}/api/catalog/entities/by-name/component/default/eni-todo-web`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (response.ok) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error('the demo catalog was not ingested within 90 s');
}

beforeAll(async () => {
  assertAppIsBuilt();
  backend = await startBackendProcess({
    port: 7111,
    configFiles: ['app-config.yaml'],
    overrides: {
      backend: {
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
    },
  });
  await waitForDemoCatalog(backend.baseUrl);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await backend?.stop();
});

describe('the portal in a browser', () => {
  it('signs in as guest and lists the demo catalog', async () => {
    await page.goto(backend.baseUrl);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('heading', { name: 'Diehard demo Catalog' }).waitFor();
    await page.getByRole('link', { name: 'ENI Todo web application' }).waitFor();
    await screenshot(page, '01-catalog');
  });

  it('opens the eni-todo web component, part of the ENI Todo system', async () => {
    await page.getByRole('link', { name: 'ENI Todo web application' }).click();
    const about = page.getByRole('article').filter({
      has: page.getByRole('heading', { name: 'About' }),
    });
    await about.getByRole('link', { name: 'ENI Todo' }).waitFor();
    const resources = page.getByRole('article').filter({
      has: page.getByRole('heading', { name: 'Depends on resources' }),
    });
    await resources.getByRole('link', { name: 'ENI Todo Galera cluster' }).waitFor();
    await screenshot(page, '02-eni-todo-web');
  });

  it('opens the Kubernetes tab, which says no cluster holds the component yet', async () => {
    await page
      .getByRole('navigation', { name: 'Content navigation' })
      .getByRole('link', { name: 'Kubernetes' })
      .click();
    await page.getByText('No Kubernetes resources').waitFor();
    await screenshot(page, '03-kubernetes-tab');
  });

  it('switches the interface to French in the settings', async () => {
    await page.goto(`${backend.baseUrl}/settings`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('option', { name: /Français|French/ }).click();
    await page.getByText('Langue', { exact: true }).waitFor();
    await page.getByText('Apparence', { exact: true }).waitFor();
    await screenshot(page, '04-settings-fr');

    await page.goto(backend.baseUrl);
    await page.getByRole('heading', { name: 'Catalogue Diehard demo' }).waitFor();
    await page.getByRole('columnheader', { name: 'Propriétaire' }).waitFor();
    await screenshot(page, '05-catalog-fr');
  });
});
