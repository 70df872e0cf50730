import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { freePort } from '@diehard/lab';
import {
  BackendProcess,
  startBackendProcess,
} from '../../backend/src/__testUtils__/startBackendProcess';
import { assertAppIsBuilt, launchChromium } from './browser';

/**
 * The built portal, served by a backend of its own: app-config.yaml and an in-memory
 * database, `overrides` over them.
 */
export async function startPortalBackend(
  overrides: Record<string, unknown> = {},
): Promise<BackendProcess> {
  return startBackendProcess({
    port: await freePort(),
    configFiles: ['app-config.yaml'],
    overrides: {
      backend: {
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      ...overrides,
    },
  });
}

export interface PortalInChromium {
  backend: BackendProcess;
  browser: Browser;
  /** Blank, not signed in. */
  page: Page;
  stop(): Promise<void>;
}

/** The built portal (as `startPortalBackend` serves it) and a Chromium page for it. */
export async function portalInChromium(
  overrides: Record<string, unknown> = {},
  viewportHeight = 900,
): Promise<PortalInChromium> {
  assertAppIsBuilt();
  const backend = await startPortalBackend(overrides);
  const browser = await launchChromium().catch(async error => {
    await backend.stop();
    throw error;
  });
  const page = await browser.newPage({
    viewport: { width: 1440, height: viewportHeight },
  });
  return {
    backend,
    browser,
    page,
    async stop() {
      await browser.close();
      await backend.stop();
    },
  };
}

/** A catalog of the example organisation's users and groups, and of `catalogFile`. */
export function orgAnd(catalogFile: string) {
  return {
    locations: [
      {
        type: 'file',
        target: path.resolve(__dirname, '../../../examples/org.yaml'),
        rules: [{ allow: ['User', 'Group'] }],
      },
      { type: 'file', target: catalogFile },
    ],
  };
}
