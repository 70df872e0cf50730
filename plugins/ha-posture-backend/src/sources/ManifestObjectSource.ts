import fs from 'node:fs/promises';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError, isError, NotAllowedError } from '@backstage/errors';
import {
  KubeObject,
  isPostureInput,
  readPostureFiles,
} from '@diehard/plugin-ha-posture-common';
import {
  MANIFESTS_PATH_ANNOTATION,
  ManifestsLocation,
  manifestsLocation,
} from './manifestsLocation';

import { ManifestLimits, ReadBudget } from './ReadBudget';

export { MANIFESTS_PATH_ANNOTATION } from './manifestsLocation';
export { readManifestLimits } from './ReadBudget';
export type { ManifestLimits } from './ReadBudget';

export interface ManifestObjects {
  /** The manifests folder's path inside the entity's repository (`k8s`, `.`). */
  location: string;
  objects: KubeObject[];
  /** Tomcat configuration files found next to the manifests. */
  files: Array<{ path: string; content: string }>;
  /** Manifests that could not be parsed, by file and line. */
  errors: string[];
}

type File = { path: string; content: string };

const wanted = (location: ManifestsLocation, rel: string) =>
  isPostureInput(rel, location.path);

/**
 * Reads an entity's manifests from its own repository (see {@link manifestsLocation}),
 * for a posture before the first deploy, within {@link ManifestLimits}. A `url`
 * repository goes through the UrlReader (and its integrations' credentials); a `file`
 * one, which only app-config can declare, is read from disk. Answers and errors name
 * the folder by its path in the repository, never by a path of the server.
 */
export class ManifestObjectSource {
  /** The last tree read per URL: a refresh of an unchanged branch downloads nothing. */
  private readonly lastRead = new Map<
    string,
    { etag: string; files: File[] }
  >();

  constructor(
    private readonly urlReader: UrlReaderService,
    private readonly limits: ManifestLimits = {
      maxFiles: 500,
      maxBytes: 5_000_000,
      timeoutMs: 20_000,
    },
  ) {}

  async objectsFor(entity: Entity): Promise<ManifestObjects | undefined> {
    const location = await manifestsLocation(entity);
    if (!location) return undefined;
    const budget = new ReadBudget(location.path, this.limits);
    const files = await budget.within(
      location.type === 'file'
        ? this.readLocalFolder(location, budget)
        : this.readRemoteFolder(location, budget),
    );

    const read = readPostureFiles(files, { folder: location.path });
    return {
      location: location.path,
      objects: read.objects.map(o => o.object),
      files: read.files,
      errors: read.errors.map(e => `${e.file}:${e.line}: ${e.message}`),
    };
  }

  private async readLocalFolder(
    location: ManifestsLocation,
    budget: ReadBudget,
  ): Promise<File[]> {
    const root = await fs.realpath(location.root);
    let folder: string;
    try {
      folder = await fs.realpath(location.folder);
      if (!(await fs.stat(folder)).isDirectory()) throw new Error('ENOTDIR');
    } catch {
      throw cannotRead(location.path, 'no such folder in the repository');
    }
    if (!isInside(root, folder)) throw linkOut(location.path);

    const files: File[] = [];
    const walk = async (dir: string, rel: string) => {
      for (const dirent of await fs.readdir(dir, { withFileTypes: true })) {
        budget.countEntry();
        const full = path.join(dir, dirent.name);
        const relPath = rel ? `${rel}/${dirent.name}` : dirent.name;
        if (dirent.isDirectory()) {
          await walk(full, relPath);
          continue;
        }
        let real = full;
        if (dirent.isSymbolicLink()) {
          try {
            real = await fs.realpath(full);
          } catch {
            continue; // a dangling link holds nothing to read
          }
          if (!isInside(root, real)) {
            throw linkOut(joinShown(location.path, relPath));
          }
        } else if (!dirent.isFile()) {
          continue; // FIFOs, sockets, devices: never read
        }
        if (!wanted(location, relPath)) continue;
        const stat = await fs.stat(real);
        if (!stat.isFile()) continue; // linked folders are not followed
        budget.countBytes(stat.size);
        files.push({ path: relPath, content: await fs.readFile(real, 'utf8') });
      }
    };
    await walk(folder, '');
    return files;
  }

  private async readRemoteFolder(
    location: ManifestsLocation,
    budget: ReadBudget,
  ): Promise<File[]> {
    const url = location.folder;
    if (!/^https?:$/.test(new URL(url).protocol)) {
      throw new NotAllowedError(
        `${MANIFESTS_PATH_ANNOTATION} is read only from http(s) repositories`,
      );
    }
    const last = this.lastRead.get(url);
    // Readers that give sizes keep no more than the limits allow.
    const offered = budget.fresh();
    let overflow: unknown;
    let tree;
    try {
      tree = await this.urlReader.readTree(url, {
        etag: last?.etag,
        filter: (p, info) => {
          if (overflow || !wanted(location, p)) return false;
          try {
            offered.countEntries(1);
            offered.countBytes(info?.size ?? 0);
            return true;
          } catch (error) {
            overflow = error;
            return false;
          }
        },
        signal: budget.signal,
      });
    } catch (error) {
      if (last && isError(error) && error.name === 'NotModifiedError')
        return last.files;
      this.lastRead.delete(url);
      // A missing folder is the entity's mistake, not a missing entity (no 404).
      if (!isError(error) || error.name !== 'NotFoundError') throw error;
      throw cannotRead(location.path, error.message);
    }
    if (overflow) throw overflow;
    const entries = await tree.files();
    budget.countEntries(entries.length);
    const files: File[] = [];
    for (const file of entries) {
      const content = await file.content();
      budget.countBytes(content.length);
      files.push({ path: file.path, content: content.toString('utf8') });
    }
    if (tree.etag) this.lastRead.set(url, { etag: tree.etag, files });
    return files;
  }
}

function isInside(root: string, target: string) {
  const rel = path.relative(root, target);
  return (
    rel === '' ||
    (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
  );
}

function joinShown(folder: string, rel: string) {
  return folder === '.' ? rel : `${folder}/${rel}`;
}

function cannotRead(shown: string, why: string) {
  return new InputError(
    `the manifests folder "${shown}" named by ${MANIFESTS_PATH_ANNOTATION} cannot be read from the entity's repository: ${why}`,
  );
}

function linkOut(shown: string) {
  return new InputError(
    `"${shown}", under the manifests folder named by ${MANIFESTS_PATH_ANNOTATION}, is a symbolic link out of the entity's repository`,
  );
}
