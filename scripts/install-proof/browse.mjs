// Drives Debian's Chromium through the created app with Diehard installed, signed in as
// Guest: the posture card and the HA posture tab of the proof's service, the fleet page,
// the handoff review tab and reviews page, Diehard's scaffolder actions and a Diehard
// field in a template's form; in an app of the legacy frontend system (--legacy), also
// the review's state on the card, and the fleet page and the template's card in French.
// Each check names what the user did not see; a screenshot of every page goes to
// test-results/screenshots/install-proof-[legacy-]*.png (also on failure, as
// install-proof-[legacy-]failed-<check>.png).
//
//   node browse.mjs BASE_URL [--legacy]
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [baseUrl, kind] = process.argv.slice(2);
if (!baseUrl || (kind && kind !== '--legacy'))
  throw new Error('usage: browse.mjs BASE_URL [--legacy]');
const legacy = kind === '--legacy';
const shotPrefix = legacy ? 'install-proof-legacy-' : 'install-proof-';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'test-results/screenshots');
mkdirSync(shots, { recursive: true });
const entityUrl = `${baseUrl}/catalog/default/component/proof-todo`;
const timeout = 60_000;

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`no Chromium at ${executablePath}: apt-get install chromium`);
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-popup-blocking',
  ],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
page.setDefaultTimeout(timeout);

const checks = [
  [
    'sign-in',
    'the guest sign-in and the catalog',
    async () => {
      await page.goto(baseUrl);
      await page.getByRole('button', { name: 'Enter' }).click();
      await page.getByRole('link', { name: 'Proof todo' }).waitFor();
    },
  ],
  [
    'posture-card',
    'the HA posture card (grade A, from the manifests in k8s) on the entity page',
    async () => {
      await page.goto(entityUrl);
      await page.getByRole('img', { name: 'Grade A' }).waitFor();
      await page.getByText(/From the manifests at .*k8s$/).waitFor();
      await page.getByRole('img', { name: 'Grade A' }).scrollIntoViewIfNeeded();
      if (legacy) {
        // The app put the review's state in the card's sections, as the README says.
        await page
          .getByRole('region', { name: 'Handoff review' })
          .getByText('None yet')
          .waitFor();
      }
    },
  ],
  [
    'posture-tab',
    "the entity's HA posture tab, its findings by category",
    async () => {
      await page.goto(entityUrl);
      if (legacy) {
        await page.getByRole('tab', { name: 'HA posture' }).click();
      } else {
        await page
          .getByRole('navigation', { name: 'Content navigation' })
          .getByRole('button', { name: 'Deployment' })
          .click();
        await page.getByRole('menuitemradio', { name: 'HA posture' }).click();
      }
      await page.getByText('Findings by category').waitFor();
    },
  ],
  [
    'fleet',
    legacy
      ? "the fleet page (/ha-posture, from the sidebar's item) listing the service"
      : 'the fleet page (/ha-posture) listing the service',
    async () => {
      if (legacy) await page.getByRole('link', { name: 'HA posture' }).click();
      else await page.goto(`${baseUrl}/ha-posture`);
      await page.getByRole('row').filter({ hasText: 'Proof todo' }).waitFor();
    },
  ],
  [
    'handoff-review',
    'the handoff review tab opening a review with its Dev side',
    async () => {
      await page.goto(entityUrl);
      if (legacy) {
        // The app's EntityPage.tsx has the tab itself.
        await page.getByRole('tab', { name: 'Handoff review' }).click();
      } else {
        // Backstage groups the plugins' tabs: the review is under "Deployment".
        await page
          .getByRole('navigation', { name: 'Content navigation' })
          .getByRole('button', { name: 'Deployment' })
          .click();
        await page
          .getByRole('menuitemradio', { name: 'Handoff review' })
          .click();
      }
      await page.getByRole('button', { name: 'Open a handoff review' }).click();
      await page.getByRole('region', { name: 'Dev side' }).waitFor();
    },
  ],
  [
    'reviews-page',
    'the handoff reviews page listing the review just opened',
    async () => {
      if (legacy) await page.getByRole('link', { name: 'Handoff reviews' }).click();
      else await page.goto(`${baseUrl}/handoff-reviews`);
      await page
        .getByRole('table', { name: 'Handoff reviews' })
        .getByRole('link', { name: 'Proof todo' })
        .waitFor();
    },
  ],
  [
    'actions',
    "Diehard's actions under /create/actions",
    async () => {
      await page.goto(`${baseUrl}/create/actions`);
      for (const action of [
        'diehard:image:build',
        'diehard:image:push',
        'diehard:posture:gate',
        'diehard:kubernetes:check-target',
        'diehard:kubernetes:apply',
        'diehard:git:push',
      ]) {
        await page.getByText(action, { exact: true }).first().waitFor();
      }
    },
  ],
  [
    'template-field',
    "Diehard's name field in the Tomcat template's form, refusing a name the catalog has",
    async () => {
      await page.goto(`${baseUrl}/create`);
      const card = page
        .getByText('Highly available Tomcat service', { exact: true })
        .locator('xpath=ancestor::*[.//button[normalize-space()="Choose"]][1]');
      await card.getByRole('button', { name: 'Choose' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill('proof-todo');
      // The browser's own check of required fields comes first: an owner, then Next.
      const owner = page.getByRole('textbox', { name: 'Owner' });
      await owner.click();
      await owner.fill('guests');
      await page.getByRole('option', { name: /guests/ }).first().click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page
        .getByText(
          '“proof-todo” is already in the catalog (component:default/proof-todo): choose another name.',
        )
        .first()
        .waitFor();
    },
  ],
  ...(legacy
    ? [
        [
          'french',
          "the fleet page and the template's card in French, once Settings switch the language (the app's __experimentalTranslations and apis.ts)",
          async () => {
            await page.goto(`${baseUrl}/settings`);
            await page.getByRole('button', { name: 'English' }).click();
            await page.getByRole('option', { name: /Français|French/ }).click();
            await page.goto(`${baseUrl}/ha-posture`);
            await page.getByRole('heading', { name: 'Posture HA' }).waitFor();
            await page.getByText('Tous les services').waitFor();
            // The app's apis.ts has Diehard's catalog client: the template's French title.
            await page.goto(`${baseUrl}/create`);
            await page
              .getByText('Service Tomcat hautement disponible', { exact: true })
              .waitFor();
          },
        ],
      ]
    : []),
];

let failed = 0;
for (const [name, what, check] of checks) {
  const started = Date.now();
  try {
    await check();
    await page.screenshot({ path: join(shots, `${shotPrefix}${name}.png`), fullPage: true });
    console.log(`  seen: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    await page
      .screenshot({ path: join(shots, `${shotPrefix}failed-${name}.png`), fullPage: true })
      .catch(() => {});
    console.error(
      `  NOT SEEN: ${what} at ${page.url()}: ${String(e.message).split('\n')[0]}`,
    );
    if (name === 'sign-in') break;
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
