import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '../../..');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

/** Debian's Chromium, headless; the test command installs it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}: run the README's test command, which installs Debian's chromium`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Sign-in opens a popup from a click handler that first awaits the backend; on
      // a loaded machine that can outlast the click's user activation, and Chromium
      // would then block the popup silently.
      '--disable-popup-blocking',
    ],
  });
}

/** Saves a full-page screenshot for review under test-results/screenshots/. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}

export function assertAppIsBuilt() {
  const index = path.join(repoRoot, 'packages/app/dist/index.html');
  if (!fs.existsSync(index)) {
    throw new Error(
      'packages/app/dist is missing: build the frontend first (yarn workspace app build)',
    );
  }
}

/** Signs in to the portal at `baseUrl` as Guest; the demo catalog shows. */
export async function signInAsGuest(page: Page, baseUrl: string) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('heading', { name: 'Diehard demo Catalog' }).waitFor();
}

/** Switches the interface to French in the settings, which then say "Langue". */
export async function switchToFrench(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/settings`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('option', { name: /Français|French/ }).click();
  await page.getByText('Langue', { exact: true }).waitFor();
}

/**
 * Picks an owner in a template's form: types `search` in the owner field (labelled
 * `label`, e.g. `Owner` or `Propriétaire`) and chooses the first option matching `option`.
 */
export async function pickOwner(
  page: Page,
  label: string,
  search: string,
  option: RegExp,
) {
  const owner = page.getByRole('textbox', { name: label });
  await owner.click();
  await owner.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}
