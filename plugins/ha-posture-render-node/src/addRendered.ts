import {
  PostureFileOptions,
  PostureFiles,
  RenderRoot,
  addPostureFile,
} from '@diehard/plugin-ha-posture-common/engine';
import { RenderResult } from './render';

/**
 * Adds what the renders gave to `out`: each root's manifests, graded like a manifest file
 * named `<folder> (helm template)` or `(kustomize build)`, or its error, by the name
 * `shown` gives the root's folder (its path as the reader shows it to its user).
 *
 * @public
 */
export function addRendered(
  out: PostureFiles,
  results: RenderResult[],
  shown: (root: RenderRoot) => string,
  options: PostureFileOptions = {},
): void {
  for (const r of results) {
    const name = shown(r.root);
    if ('error' in r) {
      out.errors.push({ file: name, line: 0, message: r.error });
      continue;
    }
    const how = r.root.kind === 'helm' ? 'helm template' : 'kustomize build';
    addPostureFile(out, `${name} (${how})`, r.manifests, options, 'manifest');
  }
}
