import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ComponentName } from './components/types';
import { labDown } from './lab';
import { Lab, useLab, UseLabOptions } from './useLab';

/** The components of a private lab, and how to take it down. */
export type PrivateLab<N extends ComponentName> = Pick<Lab, N> & {
  /** Takes the lab down and removes its state. */
  stop(): Promise<void>;
};

/**
 * Starts `names` in a lab of their own, for one test file: its own state directory and
 * its ports shifted by `offset` (clear of the shared labs at 0 and 1000), started cold,
 * so that it can be started as no shared lab is (a multi-master control plane, an API
 * server that trusts the OpenID Provider from its first start). Test files that use
 * the same offset run one at a time.
 */
export async function startPrivateLab<N extends ComponentName>(
  offset: number,
  names: readonly N[],
  options: UseLabOptions = {},
): Promise<PrivateLab<N>> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-lab-private-'));
  process.env.DIEHARD_LAB_DIR = dir;
  process.env.DIEHARD_LAB_PORT_OFFSET = String(offset);
  const stop = async () => {
    await labDown(names).catch(() => {});
    await fsp.rm(dir, { recursive: true, force: true });
  };
  try {
    return { ...(await useLab(names, options)), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
