import path from 'node:path';
import { freePort } from '@diehard/lab';
import {
  BackendProcess,
  startBackendProcess,
} from '../../backend/src/__testUtils__/startBackendProcess';

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
