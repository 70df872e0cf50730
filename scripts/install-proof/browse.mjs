// Drives Debian's Chromium through the created app with Diehard installed, signed in as
// Guest: the posture card of the proof's service, the fleet page, the handoff review tab
// and Diehard's scaffolder actions. Each check names what the user did not see; a
// screenshot of every page goes to test-results/screenshots/install-proof-*.png (also
// on failure, as install-proof-failed-<check>.png).
//
//   node browse.mjs BASE_URL
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const baseUrl = process.argv[2];
if (!baseUrl) throw new Error('usage: browse.mjs BASE_URL');
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
    },
  ],
  [
    'fleet',
    'the fleet page (/ha-posture) listing the service',
    async () => {
      await page.goto(`${baseUrl}/ha-posture`);
      await page.getByRole('row').filter({ hasText: 'Proof todo' }).waitFor();
    },
  ],
  [
    'handoff-review',
    'the handoff review tab opening a review with its Dev side',
    async () => {
      await page.goto(entityUrl);
      // Backstage groups the plugins' tabs: the review is under "Deployment".
      await page
        .getByRole('navigation', { name: 'Content navigation' })
        .getByRole('button', { name: 'Deployment' })
        .click();
      await page.getByRole('menuitemradio', { name: 'Handoff review' }).click();
      await page.getByRole('button', { name: 'Open a handoff review' }).click();
      await page.getByRole('region', { name: 'Dev side' }).waitFor();
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
];

let failed = 0;
for (const [name, what, check] of checks) {
  const started = Date.now();
  try {
    await check();
    await page.screenshot({ path: join(shots, `install-proof-${name}.png`), fullPage: true });
    console.log(`  seen: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    await page
      .screenshot({ path: join(shots, `install-proof-failed-${name}.png`), fullPage: true })
      .catch(() => {});
    console.error(
      `  NOT SEEN: ${what} at ${page.url()}: ${String(e.message).split('\n')[0]}`,
    );
    if (name === 'sign-in') break;
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
