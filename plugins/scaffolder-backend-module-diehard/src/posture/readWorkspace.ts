import fsp from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { parseManifests } from '@diehard/plugin-ha-posture-common';

export interface WorkspaceManifests {
  objects: unknown[];
  /** server.xml, context.xml, web.xml… next to the manifests, for the Tomcat rules. */
  files: Array<{ path: string; content: string }>;
}

async function walk(abs: string): Promise<string[]> {
  const st = await fsp.stat(abs).catch(() => undefined);
  if (!st) throw new InputError(`manifest path ${abs} does not exist`);
  if (st.isFile()) return [abs];
  const out: string[] = [];
  for (const name of (await fsp.readdir(abs)).sort())
    out.push(...(await walk(path.join(abs, name))));
  return out;
}

/** Reads the manifests (and Tomcat XML files) under the given workspace paths. */
export async function readWorkspaceManifests(
  paths: string[],
  workspacePath: string,
): Promise<WorkspaceManifests> {
  const objects: unknown[] = [];
  const files: WorkspaceManifests['files'] = [];
  const errors: string[] = [];
  for (const p of paths) {
    for (const file of await walk(p)) {
      const rel = path.relative(workspacePath, file);
      if (/\.(ya?ml|json)$/i.test(file)) {
        const parsed = parseManifests(await fsp.readFile(file, 'utf8'), rel);
        objects.push(...parsed.objects.map(o => o.object));
        errors.push(
          ...parsed.errors.map(e => `${e.file}:${e.line}: ${e.message}`),
        );
      } else if (/\.xml$/i.test(file)) {
        files.push({ path: rel, content: await fsp.readFile(file, 'utf8') });
      }
    }
  }
  if (errors.length)
    throw new InputError(`cannot read the manifests: ${errors.join('; ')}`);
  return { objects, files };
}
