import fsp from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  addPostureFile,
  emptyPostureFiles,
  isInsideRendered,
  isPostureInput,
  planRenders,
  renderMarker,
} from '@diehard/plugin-ha-posture-common';
import {
  RenderFile,
  RenderTools,
  addRendered,
  renderRoots,
} from '@diehard/plugin-ha-posture-render-node';

export interface WorkspaceManifests {
  objects: unknown[];
  /** Tomcat's files (server.xml, context.xml, web.xml, conf/Catalina/<host>/*.xml). */
  files: Array<{ path: string; content: string }>;
}

/** What the gate reads at most: a generated project's manifests are a few kB. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const MAX_FILES = 5_000;

/**
 * The regular files under `abs`, refusing (by their path in the workspace) links,
 * FIFOs, devices and sockets, so that nothing outside the workspace is read and
 * nothing blocks; bounded in count and bytes.
 */
async function walk(
  abs: string,
  workspacePath: string,
  seen: { files: number; bytes: number },
): Promise<string[]> {
  const rel = path.relative(workspacePath, abs) || '.';
  const st = await fsp.lstat(abs).catch(() => undefined);
  if (!st) throw new InputError(`manifest path ${rel} does not exist`);
  if (st.isSymbolicLink())
    throw new InputError(`manifest path ${rel} is a link: only files are read`);
  if (st.isFile()) {
    seen.files += 1;
    seen.bytes += st.size;
    if (st.size > MAX_FILE_BYTES)
      throw new InputError(
        `manifest file ${rel} is larger than ${
          MAX_FILE_BYTES / 1024 / 1024
        } MiB`,
      );
    if (seen.files > MAX_FILES || seen.bytes > MAX_TOTAL_BYTES)
      throw new InputError(
        `the manifest paths hold more than ${MAX_FILES} files or ${
          MAX_TOTAL_BYTES / 1024 / 1024
        } MiB`,
      );
    return [abs];
  }
  if (!st.isDirectory())
    throw new InputError(
      `manifest path ${rel} is not a regular file or a folder`,
    );
  const out: string[] = [];
  for (const name of (await fsp.readdir(abs)).sort())
    out.push(...(await walk(path.join(abs, name), workspacePath, seen)));
  return out;
}

/**
 * Reads the posture input (manifests and Tomcat files) under the given workspace paths;
 * Helm charts and Kustomize folders among them are rendered with `tools` and graded like
 * manifests.
 */
export async function readWorkspaceManifests(
  paths: string[],
  workspacePath: string,
  tools: RenderTools = {},
): Promise<WorkspaceManifests> {
  const read = emptyPostureFiles();
  const seen = { files: 0, bytes: 0 };
  const shown = (abs: string) => path.relative(workspacePath, abs) || '.';
  for (const p of paths) {
    const files = await walk(p, workspacePath, seen);
    // A file named directly is read whatever its folder.
    if (files.length === 1 && files[0] === p) {
      addPostureFile(read, shown(p), await fsp.readFile(p, 'utf8'));
      continue;
    }
    const rel = (file: string) =>
      path.relative(p, file).split(path.sep).join('/');
    const markers = [];
    for (const file of files.filter(f => renderMarker(rel(f))))
      markers.push({
        path: rel(file),
        content: await fsp.readFile(file, 'utf8'),
      });
    const plan = planRenders(files.map(rel), markers);
    for (const e of plan.errors)
      read.errors.push({ ...e, file: shown(path.join(p, e.file)) });
    const folder = shown(p).split(path.sep).join('/');
    const toRender: RenderFile[] = [];
    for (const file of files) {
      if (isInsideRendered(rel(file), plan.renderedDirs))
        toRender.push({ path: rel(file), content: await fsp.readFile(file) });
      else if (isPostureInput(rel(file), folder))
        addPostureFile(read, shown(file), await fsp.readFile(file, 'utf8'));
    }
    addRendered(read, await renderRoots(toRender, plan, tools), root =>
      shown(path.join(p, root.dir)),
    );
  }
  if (read.errors.length)
    throw new InputError(
      `cannot read the manifests: ${read.errors
        .map(e => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`)
        .join('; ')}`,
    );
  return { objects: read.objects.map(o => o.object), files: read.files };
}
