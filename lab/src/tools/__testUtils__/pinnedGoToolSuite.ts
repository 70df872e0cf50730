/* eslint-disable jest/no-export, jest/valid-title -- a shared suite, titled by the tool it tests */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pinnedGoTool } from '../goTool';

/**
 * The tests every pinned Go tool passes: it names its build script when the cache has
 * none, and once built it is the pinned release (`versionArgs` print it).
 */
export function describePinnedGoTool(
  tool: ReturnType<typeof pinnedGoTool>,
  name: string,
  versionArgs: string[],
) {
  describe(name, () => {
    it('names the command that builds it when the cache has none', () => {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-cache-'));
      try {
        expect(() => tool.binary({ DIEHARD_CACHE: empty })).toThrow(
          `${name} ${tool.pinnedVersion()} is not built yet: run lab/scripts/build-${name}.sh`,
        );
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    });

    it('is the pinned release, cached', async () => {
      const built = await tool.ensure({ report: () => {} });
      expect(tool.binary()).toEqual(built);
      const version = execFileSync(built.path, versionArgs, {
        encoding: 'utf8',
      });
      expect(version.trim()).toBe(built.version);
    });
  });
}
