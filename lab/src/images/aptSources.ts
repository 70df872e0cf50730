import fsp from 'node:fs/promises';
import path from 'node:path';
import { LabError } from '../util/errors';

/**
 * This machine's apt sources files (sources.list and sources.list.d/*.list|.sources),
 * given to mmdebstrap as its mirrors: the images come from wherever this machine's
 * Debian packages come from, and no mirror is written into the repository.
 */
export async function hostAptSources(etcApt = '/etc/apt'): Promise<string[]> {
  const files: string[] = [];
  const main = path.join(etcApt, 'sources.list');
  if ((await fsp.readFile(main, 'utf8').catch(() => '')).match(/^\s*deb\s/m))
    files.push(main);
  const dir = path.join(etcApt, 'sources.list.d');
  const entries = await fsp.readdir(dir).catch(() => [] as string[]);
  for (const entry of entries.sort()) {
    if (/\.(list|sources)$/.test(entry)) files.push(path.join(dir, entry));
  }
  if (files.length === 0) {
    throw new LabError(
      `no apt sources in ${etcApt}: the platform images are built from this machine's Debian mirrors`,
    );
  }
  return files;
}
