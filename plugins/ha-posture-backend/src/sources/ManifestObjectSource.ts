import fs from 'node:fs/promises';
import path from 'node:path';
import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';
import { KubeObject, parseManifests } from '@diehard/plugin-ha-posture-common';

/** Names the folder of the entity's Kubernetes manifests, relative to its source. */
export const MANIFESTS_PATH_ANNOTATION = 'diehard.io/manifests-path';

export interface ManifestObjects {
  location: string;
  objects: KubeObject[];
  /** Tomcat configuration files found next to the manifests. */
  files: Array<{ path: string; content: string }>;
  /** Manifests that could not be parsed, by file and line. */
  errors: string[];
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const TOMCAT_FILE = /(^|\/)(server|context|web)\.xml$/i;

/**
 * Reads an entity's manifests from its source repository, for a posture before the
 * first deploy. A `url` source goes through the UrlReader (and its integrations'
 * credentials); a `file` source, which only app-config can declare, is read from disk.
 */
export class ManifestObjectSource {
  /** The last tree read per URL: a refresh of an unchanged branch downloads nothing. */
  private readonly lastRead = new Map<
    string,
    { etag: string; files: Array<{ path: string; content: string }> }
  >();

  constructor(private readonly urlReader: UrlReaderService) {}

  async objectsFor(entity: Entity): Promise<ManifestObjects | undefined> {
    const manifestsPath =
      entity.metadata.annotations?.[MANIFESTS_PATH_ANNOTATION];
    if (!manifestsPath) return undefined;
    const source = sourceLocation(entity);
    const read =
      source.type === 'file'
        ? await this.readLocalFolder(
            path.resolve(path.dirname(source.target), manifestsPath),
          )
        : await this.readRemoteFolder(
            new URL(
              manifestsPath,
              ensureTrailingSlash(source.target),
            ).toString(),
          );

    const result: ManifestObjects = {
      location: read.location,
      objects: [],
      files: [],
      errors: [],
    };
    for (const file of read.files) {
      if (MANIFEST_FILE.test(file.path)) {
        const parsed = parseManifests(file.content, file.path);
        result.objects.push(...parsed.objects.map(o => o.object));
        result.errors.push(
          ...parsed.errors.map(e => `${e.file}:${e.line}: ${e.message}`),
        );
      } else if (TOMCAT_FILE.test(file.path)) {
        result.files.push(file);
      }
    }
    return result;
  }

  private async readLocalFolder(folder: string) {
    const files: Array<{ path: string; content: string }> = [];
    const walk = async (dir: string) => {
      for (const dirent of await fs.readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, dirent.name);
        if (dirent.isDirectory()) await walk(full);
        else if (
          MANIFEST_FILE.test(dirent.name) ||
          TOMCAT_FILE.test(dirent.name)
        ) {
          files.push({
            path: path.relative(folder, full),
            content: await fs.readFile(full, 'utf8'),
          });
        }
      }
    };
    try {
      await walk(folder);
    } catch (error) {
      throw new InputError(
        `the manifests folder ${folder} named by ${MANIFESTS_PATH_ANNOTATION} cannot be read: ${
          (error as Error).message
        }`,
      );
    }
    return { location: folder, files };
  }

  private async readRemoteFolder(url: string) {
    const last = this.lastRead.get(url);
    let tree;
    try {
      tree = await this.urlReader.readTree(url, { etag: last?.etag });
    } catch (error) {
      if (last && isError(error) && error.name === 'NotModifiedError')
        return { location: url, files: last.files };
      this.lastRead.delete(url);
      // A missing folder is the entity's mistake, not a missing entity (no 404).
      if (!isError(error) || error.name !== 'NotFoundError') throw error;
      throw new InputError(
        `the manifests folder ${url} named by ${MANIFESTS_PATH_ANNOTATION} cannot be read: ${error.message}`,
      );
    }
    const files = await Promise.all(
      (
        await tree.files()
      ).map(async file => ({
        path: file.path,
        content: (await file.content()).toString('utf8'),
      })),
    );
    if (tree.etag) this.lastRead.set(url, { etag: tree.etag, files });
    return { location: url, files };
  }
}

function sourceLocation(entity: Entity): { type: string; target: string } {
  try {
    return getEntitySourceLocation(entity);
  } catch {
    throw new InputError(
      `entity ${entity.metadata.name} has ${MANIFESTS_PATH_ANNOTATION} but no source location to resolve it against`,
    );
  }
}

function ensureTrailingSlash(url: string) {
  return url.endsWith('/') ? url : url.replace(/[^/]*$/, '');
}
