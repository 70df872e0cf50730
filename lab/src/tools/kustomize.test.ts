import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ensureKustomize,
  kustomizeBinary,
  pinnedKustomizeVersion,
} from './kustomize';

// Cold: ensureKustomize builds kustomize from the Go module proxy (about 1 minute on 2 cores).
jest.setTimeout(900_000);

describe('kustomize', () => {
  it('names the command that builds it when the cache has none', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-cache-'));
    try {
      expect(() => kustomizeBinary({ DIEHARD_CACHE: empty })).toThrow(
        `kustomize ${pinnedKustomizeVersion()} is not built yet: run lab/scripts/build-kustomize.sh`,
      );
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('is the pinned release, cached', async () => {
    const kustomize = await ensureKustomize({ report: () => {} });
    expect(kustomizeBinary()).toEqual(kustomize);
    const version = execFileSync(kustomize.path, ['version'], {
      encoding: 'utf8',
    });
    expect(version.trim()).toBe(kustomize.version);
  });
});
