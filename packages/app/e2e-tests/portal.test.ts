import { Page } from 'playwright-core';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { guestToken } from '../../backend/src/__testUtils__/guestSession';
import { screenshot, signInAsGuest, switchToFrench } from './browser';
import { PortalInChromium, portalInChromium } from './portalBackend';

let portal: PortalInChromium | undefined;
let backend: BackendProcess;
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

async function waitForFleet(baseUrl: string, services: number) {
  const token = await guestToken(baseUrl);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/ha-posture/fleet`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.ok && (await response.json()).entries.length >= services)
      return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `the posture of ${services} services was not evaluated within 90 s`,
  );
}

/** Kubernetes, HA posture and Handoff review tabs sit in the entity page's Deployment group. */
async function openDeploymentTab(name: string) {
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('button', { name: 'Deployment' })
    .click();
  await page.getByRole('menuitemradio', { name }).click();
}

beforeAll(async () => {
  portal = await portalInChromium();
  ({ backend, page } = portal);
  await waitForDemoCatalog(backend.baseUrl);
});

afterAll(() => portal?.stop());

describe('the portal in a browser', () => {
  it('signs in as guest and lists the demo catalog', async () => {
    await signInAsGuest(page, backend.baseUrl);
    await page
      .getByRole('link', { name: 'ENI Todo web application' })
      .waitFor();
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
    await resources
      .getByRole('link', { name: 'ENI Todo Galera cluster' })
      .waitFor();
    await screenshot(page, '02-eni-todo-web');
  });

  it('shows the HA posture card: grade A, read from the manifests before any deploy', async () => {
    await page.getByRole('img', { name: 'Grade A' }).waitFor();
    await page.getByText(/From the manifests at .*eni-todo-ha$/).waitFor();
    await page.getByText('No single point of failure found.').waitFor();
    await screenshot(page, '03-posture-card');
  });

  it('opens the Kubernetes tab, which says no cluster holds the component yet', async () => {
    await openDeploymentTab('Kubernetes');
    await page.getByText('No Kubernetes resources').waitFor();
    await screenshot(page, '04-kubernetes-tab');
  });

  it('opens a handoff review on the component and records an answer in its history', async () => {
    await openDeploymentTab('Handoff review');
    await page.getByRole('button', { name: 'Open a handoff review' }).click();
    const dev = page.getByRole('region', { name: 'Dev side' });
    const runbook = dev.getByRole('article', { name: 'Runbook written' });
    await runbook.getByRole('button', { name: 'Mark done' }).click();
    await runbook.getByText('Marked done by guest', { exact: false }).waitFor();
    const history = page.getByRole('table', { name: 'History' });
    await history
      .getByRole('cell', { name: 'Opened the review at grade A' })
      .waitFor();
    await history
      .getByRole('cell', { name: 'Marked “Runbook written” done' })
      .waitFor();
    await screenshot(page, '05-handoff-review');
  });

  it('lists every service on the HA posture page, the worst grade first', async () => {
    // The backend evaluates every annotated entity shortly after it starts.
    await waitForFleet(backend.baseUrl, 2);
    await page.getByRole('link', { name: 'HA posture' }).first().click();
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'ENI Todo (legacy deployment)' }).waitFor();
    const services = await rows.allInnerTexts();
    const legacy = services.findIndex(text =>
      text.includes('legacy deployment'),
    );
    const web = services.findIndex(text =>
      text.includes('ENI Todo web application'),
    );
    expect(legacy).toBeGreaterThan(0);
    expect(legacy).toBeLessThan(web);
    await screenshot(page, '06-posture-fleet');
  });

  it('shows every single point of failure of the legacy service whole, wrapped inside its card', async () => {
    await page.goto(
      `${backend.baseUrl}/catalog/default/component/eni-todo-legacy`,
    );
    const spofs = page.getByRole('list', { name: 'Single points of failure' });
    await spofs.getByRole('listitem').first().waitFor();
    // The card is narrowed below its longest sentence's one-line width, whatever
    // fonts this machine has, as it would stand in a narrow column: that sentence
    // must then wrap. For each sentence: on how many lines its text lies, and where
    // it ends against the card's right edge (a line cut at the edge ends past it).
    const sentences = await spofs.evaluate(list => {
      const card = list.closest('.MuiCard-root') as HTMLElement;
      const items = [...list.querySelectorAll('li')];
      const textOf = (item: Element) =>
        document.createTreeWalker(item, NodeFilter.SHOW_TEXT).nextNode()!;
      const oneLineWidth = (item: Element) => {
        const holder = textOf(item).parentElement!;
        const probe = holder.cloneNode(true) as HTMLElement;
        probe.style.cssText =
          'position:absolute;visibility:hidden;white-space:nowrap;width:auto';
        holder.parentElement!.appendChild(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width;
      };
      const longest = Math.max(...items.map(oneLineWidth));
      const gutter =
        card.getBoundingClientRect().width - list.getBoundingClientRect().width;
      card.style.width = `${Math.floor(gutter + longest * 0.7)}px`;
      const edge = card.getBoundingClientRect().right;
      return items.map(item => {
        const text = document.createRange();
        text.selectNodeContents(textOf(item));
        const tops = [...text.getClientRects()].map(r => Math.round(r.top));
        return {
          text: item.textContent,
          lines: new Set(tops).size,
          overflow: Math.round(text.getBoundingClientRect().right - edge),
        };
      });
    });
    expect(sentences.length).toBeGreaterThan(3);
    // The longest sentence no longer fits on one line of the card: it must wrap.
    expect(sentences.some(s => s.lines > 1)).toBe(true);
    expect(sentences.filter(s => s.overflow > 0)).toEqual([]);
    await spofs.scrollIntoViewIfNeeded();
    await screenshot(page, '06b-legacy-spofs');
  });

  it('switches the interface to French in the settings', async () => {
    await switchToFrench(page, backend.baseUrl);
    await page.getByText('Apparence', { exact: true }).waitFor();
    await screenshot(page, '07-settings-fr');

    await page.goto(backend.baseUrl);
    await page
      .getByRole('heading', { name: 'Catalogue Diehard demo' })
      .waitFor();
    await page.getByRole('columnheader', { name: 'Propriétaire' }).waitFor();
    await page.getByRole('link', { name: 'Posture HA' }).waitFor();
    await screenshot(page, '08-catalog-fr');
  });
});
