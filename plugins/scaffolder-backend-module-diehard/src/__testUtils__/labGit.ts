import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { httpGet as labHttpGet, useLab } from '@diehard/lab';

export type LabGit = Awaited<ReturnType<typeof useLab<'git'>>>['git'];

/** The lab's real git server (started or reused); a suite fails when it cannot start. */
export async function labGit(): Promise<LabGit> {
  return (await useLab(['git'])).git;
}

/** GET over plain HTTP (the lab git server's raw files): status and body. */
export const httpGet = (url: string) => labHttpGet(url, 30_000);

/** App config with the lab git server under diehard.git.servers. */
export function gitConfig(
  git: LabGit,
  overrides: JsonObject = {},
  extra: JsonObject = {},
) {
  return new ConfigReader({
    ...extra,
    diehard: {
      git: {
        servers: [
          {
            baseUrl: git.url,
            username: git.username,
            password: git.password,
            ...overrides,
          },
        ],
      },
    },
  });
}

/**
 * An owner (folder) no other test uses; remove() deletes its repositories, and those
 * of owners it prefixes (`<owner>-dev-team`).
 */
export function uniqueOwner(git: LabGit) {
  const owner = `diehard-test-${crypto.randomBytes(4).toString('hex')}`;
  return {
    owner,
    remove: async () => {
      for (const d of await fsp.readdir(git.projectRoot)) {
        if (d === owner || d.startsWith(`${owner}-`)) {
          await fsp.rm(path.join(git.projectRoot, d), {
            recursive: true,
            force: true,
          });
        }
      }
    },
  };
}

/** Every file below `dir` (but .git), relative path → content. */
export async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await fsp.readdir(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const abs = path.join(d, e.name);
      if (e.isDirectory()) await walk(abs);
      else out[path.relative(dir, abs)] = await fsp.readFile(abs, 'utf8');
    }
  };
  await walk(dir);
  return out;
}
