import path from 'node:path';
import { labEnv } from '@diehard/lab';
import {
  BackendProcess,
  sqliteIn,
  startBackendProcess,
} from './startBackendProcess';

/**
 * The portal as `scripts/start.sh` runs it: app-config.yaml +
 * app-config.lab.yaml, with what `yarn lab env` exports for the lab's endpoints,
 * and a database of its own in `workDir` (what a test registers does not outlive it).
 */
export function startLabPortal(options: {
  lab: Record<string, unknown>;
  port: number;
  workDir: string;
}): Promise<BackendProcess> {
  return startBackendProcess({
    port: options.port,
    configFiles: ['app-config.yaml', 'app-config.lab.yaml'],
    // At start.sh's level: the task log a user reads has the actions' info lines.
    env: { ...labEnv(options.lab), LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    overrides: {
      backend: { database: sqliteIn(path.join(options.workDir, 'sqlite')) },
    },
  });
}
