import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureHelm, helmBinary, pinnedHelmVersion } from './helm';

// Cold: ensureHelm builds helm from the Go module proxy (about 2 minutes on 2 cores).
jest.setTimeout(900_000);

describe('helm', () => {
  it('names the command that builds it when the cache has none', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-cache-'));
    try {
      expect(() => helmBinary({ DIEHARD_CACHE: empty })).toThrow(
        `helm ${pinnedHelmVersion()} is not built yet: run lab/scripts/build-helm.sh`,
      );
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('is the pinned release, cached', async () => {
    const helm = await ensureHelm({ report: () => {} });
    expect(helmBinary()).toEqual(helm);
    const version = execFileSync(helm.path, ['version', '--short'], {
      encoding: 'utf8',
    });
    expect(version.trim()).toBe(helm.version);
  });
});
