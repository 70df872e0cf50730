import { Page } from 'playwright-core';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { guestToken } from '../../backend/src/__testUtils__/guestSession';
import { screenshot, signInAsGuest, switchToFrench } from './browser';
import { PortalInChromium, portalInChromium } from './portalBackend';

const LEGACY = 'component:default/eni-todo-legacy';

let portal: PortalInChromium;
let backend: BackendProcess;
let page: Page;
let token: string;

async function api(path: string) {
  const response = await fetch(`${backend.baseUrl}/api/${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok)
    throw new Error(
      `GET ${path}: ${response.status} ${(await response.text()).slice(
        0,
        300,
      )}`,
    );
  return response.json();
}

/**
 * The category of one of the legacy service's findings (one word, the same for the
 * test backend's in-memory engine and PostgreSQL), once the posture is indexed under it.
 */
async function indexedCategoryOfLegacy(): Promise<string> {
  const deadline = Date.now() + 120_000;
  let last = 'nothing read yet';
  while (Date.now() < deadline) {
    try {
      const posture = await api(
        `ha-posture/entities/component/default/eni-todo-legacy`,
      );
      const [finding] = posture.report.workloads.flatMap(
        (w: any) => w.findings,
      );
      if (finding) {
        const found = await api(
          `search/query?term=${encodeURIComponent(
            finding.category,
          )}&types%5B0%5D=ha-posture`,
        );
        if (found.results.some((r: any) => r.document.entityRef === LEGACY))
          return finding.category;
        last = `searching ${finding.category} found ${JSON.stringify(
          found.results.map((r: any) => r.document.entityRef),
        )}`;
      } else {
        last = 'the posture has no workload finding yet';
      }
    } catch (error) {
      last = String(error); // not evaluated yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(
    `the legacy service’s posture was not indexed within 120 s (${last})\n${backend
      .output()
      .split('\n')
      .filter(
        line =>
          /collat|ha-posture|indexing|task/i.test(line) &&
          !/Search request|incomingRequest|MissingIndex/.test(line),
      )
      .slice(-15)
      .join('\n')}`,
  );
}

beforeAll(async () => {
  // Index again soon: the first run may come before any posture is evaluated.
  portal = await portalInChromium({
    search: {
      collators: {
        haPosture: {
          schedule: {
            frequency: { seconds: 10 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 5 },
          },
        },
      },
    },
  });
  ({ backend, page } = portal);
  token = await guestToken(backend.baseUrl);
});

afterAll(() => portal?.stop());

/** The search page for `term`, filtered to HA postures: the legacy service's result. */
async function legacyResultFor(term: string) {
  await page.goto(`${backend.baseUrl}/search?query=${term}`);
  await page
    .getByRole('navigation', { name: 'filter by type' })
    .getByText('HA posture', { exact: true })
    .click();
  return page.getByRole('article', { name: /legacy/i });
}

describe('searching postures in a browser', () => {
  let term: string;

  it('filters the search page to HA postures and shows the legacy service with its grade and matching finding', async () => {
    term = await indexedCategoryOfLegacy();
    await signInAsGuest(page, backend.baseUrl);

    const result = await legacyResultFor(term);
    await result.waitFor();
    await result.getByText('Matching findings').waitFor();
    await result.locator('mark').first().waitFor();
    await result.getByRole('img', { name: /^Grade [A-F]$/ }).waitFor();
    expect(
      await result.getByRole('link', { name: /legacy/i }).getAttribute('href'),
    ).toBe('/catalog/default/component/eni-todo-legacy/ha-posture');
    await screenshot(page, 'search-01-ha-posture-type');
  });

  it('says it in French', async () => {
    await switchToFrench(page, backend.baseUrl);

    const result = await legacyResultFor(term);
    await result.getByText('Constats correspondants').waitFor();
    await result.getByRole('img', { name: /^Note [A-F]$/ }).waitFor();
    await page.getByText('Tout', { exact: true }).first().waitFor();
    await screenshot(page, 'search-02-ha-posture-french');
  });
});
