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
import { newReadCount, workspaceFiles } from '../workspace/workspaceFiles';

export interface WorkspaceManifests {
  objects: unknown[];
  /** Tomcat's files (server.xml, context.xml, web.xml, conf/Catalina/<host>/*.xml). */
  files: Array<{ path: string; content: string }>;
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
  const seen = newReadCount();
  const shown = (abs: string) => path.relative(workspacePath, abs) || '.';
  for (const p of paths) {
    const files = await workspaceFiles(p, workspacePath, seen);
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
