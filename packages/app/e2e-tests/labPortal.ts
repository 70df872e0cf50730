import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { freePort, useLab } from '@diehard/lab';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { startLabPortal } from '../../backend/src/__testUtils__/startLabPortal';
import { assertAppIsBuilt, launchChromium, signInAsGuest } from './browser';

export type Lab = Awaited<
  ReturnType<typeof useLab<'kubernetes' | 'registry' | 'git'>>
>;

export interface SignedInLabPortal {
  lab: Lab;
  backend: BackendProcess;
  browser: Browser;
  /** Signed in as Guest, on the catalog. */
  page: Page;
  stop(): Promise<void>;
}

/**
 * The built portal as `scripts/start.sh` runs it (the lab's cluster, registry and git
 * server; a database of its own), and Chromium signed in to it as Guest.
 */
export async function signedInLabPortal(
  prepare: (lab: Lab) => Promise<unknown> = async () => {},
): Promise<SignedInLabPortal> {
  assertAppIsBuilt();
  const lab = await useLab(['kubernetes', 'registry', 'git']);
  await prepare(lab);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-portal-'));
  const backend = await startLabPortal({
    lab,
    port: await freePort(),
    workDir: work,
  });
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
  });
  await signInAsGuest(page, backend.baseUrl);
  return {
    lab,
    backend,
    browser,
    page,
    async stop() {
      await browser.close();
      await backend.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Waits until a select shows `value`, once its picker has loaded its options. */
export async function expectValue(
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
