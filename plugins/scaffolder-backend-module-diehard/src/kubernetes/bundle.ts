import fsp from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { KUBERNETES_YAML_OPTIONS } from '@diehard/plugin-ha-posture-common';
import yaml from 'yaml';
import { newReadCount, workspaceFiles } from '../workspace/workspaceFiles';

/**
 * A Kubernetes object as read from the workspace.
 *
 * @public
 */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** @public */
export interface BundleObject {
  object: ManifestObject;
  /** Workspace-relative file it came from (for messages). */
  source: string;
}

/** `Deployment team-a/web` */
export function describe(o: ManifestObject): string {
  return `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${
    o.metadata.name
  }`;
}

const isManifestFile = (file: string) => /\.(ya?ml|json)$/i.test(file);

/**
 * Reads every object of the given files/directories (multi-document YAML, JSON, `kind: List`),
 * refusing links and special files and bounded in size (see `workspaceFiles`).
 *
 * @public
 */
export async function loadBundle(
  paths: string[],
  workspacePath: string,
): Promise<BundleObject[]> {
  const out: BundleObject[] = [];
  const seen = newReadCount();
  for (const p of paths) {
    const files = await workspaceFiles(p, workspacePath, seen);
    // A file named directly is read whatever its name; in a folder, YAML and JSON.
    const named = files.length === 1 && files[0] === p;
    for (const file of named ? files : files.filter(isManifestFile)) {
      const source = path.relative(workspacePath, file);
      const docs = yaml.parseAllDocuments(
        await fsp.readFile(file, 'utf8'),
        KUBERNETES_YAML_OPTIONS,
      );
      for (const doc of docs) {
        if (doc.errors.length) {
          throw new InputError(
            `${source}: invalid YAML: ${doc.errors[0].message}`,
          );
        }
        const value = doc.toJS();
        if (value === null || value === undefined) continue;
        const items =
          value.kind === 'List' || /List$/.test(String(value.kind))
            ? value.items ?? []
            : [value];
        for (const item of items) {
          if (
            !item ||
            typeof item !== 'object' ||
            !item.apiVersion ||
            !item.kind ||
            !item.metadata?.name
          ) {
            throw new InputError(
              `${source}: every object needs apiVersion, kind and metadata.name`,
            );
          }
          out.push({ object: item as ManifestObject, source });
        }
      }
    }
  }
  if (!out.length)
    throw new InputError('no Kubernetes objects found in the given manifests');
  return out;
}
