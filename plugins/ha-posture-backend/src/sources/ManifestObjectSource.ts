import fs from 'node:fs/promises';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  InputError,
  isError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  KubeObject,
  isInsideRendered,
  isPostureInput,
  planRenders,
  readPostureFiles,
  renderMarker,
} from '@diehard/plugin-ha-posture-common';
import {
  RenderTools,
  addRendered,
  renderRoots,
} from '@diehard/plugin-ha-posture-render-node';
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
type RawFile = { path: string; content: Buffer };
/** Which files of the folder a read keeps (paths relative to it). */
type Wanted = (rel: string) => boolean;

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
    /** helm and kustomize, for the charts and Kustomize folders found among the manifests. */
    private readonly tools: RenderTools = {},
  ) {}

  async objectsFor(entity: Entity): Promise<ManifestObjects | undefined> {
    const location = await manifestsLocation(entity);
    if (!location) return undefined;
    const budget = new ReadBudget(location.path, this.limits);
    return budget.within(this.readAndRender(location, budget));
  }

  /**
   * Reads the manifests, Tomcat files, charts' and kustomizations' own files; then, when
   * there are charts or Kustomize folders, every file of theirs, and renders them.
   */
  private async readAndRender(
    location: ManifestsLocation,
    budget: ReadBudget,
  ): Promise<ManifestObjects> {
    const read = async <T>(wanted: Wanted, raw: boolean) =>
      (location.type === 'file'
        ? this.readLocalFolder(location, budget, wanted, raw)
        : this.readRemoteFolder(location, budget, wanted, raw)) as Promise<T>;
    const files = await read<File[]>(
      rel => isPostureInput(rel, location.path) || !!renderMarker(rel),
      false,
    );
    const plan = planRenders(
      files.map(f => f.path),
      files.filter(f => renderMarker(f.path)),
    );
    const posture = readPostureFiles(files, {
      folder: location.path,
      renderedDirs: plan.renderedDirs,
    });
    if (plan.roots.length > 0 || plan.errors.length > 0) {
      const rendered = await read<RawFile[]>(
        rel => isInsideRendered(rel, plan.renderedDirs),
        true,
      );
      const results = await renderRoots(rendered, plan, this.tools);
      const shown = (dir: string) =>
        dir ? joinShown(location.path, dir) : location.path;
      const failed = [
        ...plan.errors.map(e => `${shown(e.file)}: ${e.message}`),
        ...results.flatMap(r =>
          'error' in r ? [`${shown(r.root.dir)}: ${r.error}`] : [],
        ),
      ];
      if (failed.length > 0) {
        const message = `the manifests folder "${
          location.path
        }" named by ${MANIFESTS_PATH_ANNOTATION} holds charts or Kustomize folders that cannot be rendered: ${failed.join(
          '; ',
        )}`;
        // A tool missing on the server is not the entity's fault.
        throw results.some(r => 'missingTool' in r && r.missingTool)
          ? new ServiceUnavailableError(message)
          : new InputError(message);
      }
      addRendered(posture, results, root => shown(root.dir));
    }
    return {
      location: location.path,
      objects: posture.objects.map(o => o.object),
      files: posture.files,
      errors: posture.errors.map(
        e => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`,
      ),
    };
  }

  /**
   * Reads a `file` repository. The file system's errors name the server's paths: none
   * leaves here as it is (see {@link diskFault}).
   */
  private async readLocalFolder(
    location: ManifestsLocation,
    budget: ReadBudget,
    wanted: Wanted,
    raw: boolean,
  ): Promise<Array<File | RawFile>> {
    try {
      return await this.walkLocalFolder(location, budget, wanted, raw);
    } catch (error) {
      throw diskFault(error, location.path);
    }
  }

  private async walkLocalFolder(
    location: ManifestsLocation,
    budget: ReadBudget,
    wanted: Wanted,
    raw: boolean,
  ): Promise<Array<File | RawFile>> {
    let root: string;
    let folder: string;
    try {
      // The repository itself may be gone: the catalog file's folder was removed.
      root = await fs.realpath(location.root);
      folder = await fs.realpath(location.folder);
      if (!(await fs.stat(folder)).isDirectory()) throw notAFolder();
    } catch (error) {
      if (!isMissing(error)) throw error;
      throw cannotRead(location.path, 'no such folder in the repository');
    }
    if (!isInside(root, folder)) throw linkOut(location.path);

    const files: Array<File | RawFile> = [];
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
        if (!wanted(relPath)) continue;
        const stat = await fs.stat(real);
        if (!stat.isFile()) continue; // linked folders are not followed
        budget.countBytes(stat.size);
        files.push(
          raw
            ? { path: relPath, content: await fs.readFile(real) }
            : { path: relPath, content: await fs.readFile(real, 'utf8') },
        );
      }
    };
    await walk(folder, '');
    return files;
  }

  private async readRemoteFolder(
    location: ManifestsLocation,
    budget: ReadBudget,
    wanted: Wanted,
    raw: boolean,
  ): Promise<Array<File | RawFile>> {
    const url = location.folder;
    if (!/^https?:$/.test(new URL(url).protocol)) {
      throw new NotAllowedError(
        `${MANIFESTS_PATH_ANNOTATION} is read only from http(s) repositories`,
      );
    }
    // The cache holds the first read (manifests and markers); a chart's files are read afresh.
    const last = raw ? undefined : this.lastRead.get(url);
    // Readers that give sizes keep no more than the limits allow.
    const offered = budget.fresh();
    let overflow: unknown;
    let tree;
    try {
      tree = await this.urlReader.readTree(url, {
        etag: last?.etag,
        filter: (p, info) => {
          if (overflow || !wanted(p)) return false;
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
      if (!raw) this.lastRead.delete(url);
      // The portal's own credentials (or reading rules) refused: a fault of the
      // server's configuration, never a 401 or 403 for the signed-in user.
      if (isRefused(error)) throw refusedRead(location.root);
      // A missing folder is the entity's mistake, not a missing entity (no 404).
      if (!isError(error) || error.name !== 'NotFoundError') throw error;
      throw cannotRead(location.path, error.message);
    }
    if (overflow) throw overflow;
    const entries = await tree.files();
    budget.countEntries(entries.length);
    if (raw) {
      const rawFiles: RawFile[] = [];
      for (const file of entries) {
        const content = await file.content();
        budget.countBytes(content.length);
        rawFiles.push({ path: file.path, content });
      }
      return rawFiles;
    }
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

/** A file system error: its message names a path of the server. */
type SystemError = Error & { code: string; syscall?: string };

function isSystemError(error: unknown): error is SystemError {
  if (!isError(error)) return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** What the entity names does not exist (or is not a folder): the entity's mistake. */
function isMissing(error: unknown) {
  return (
    isSystemError(error) &&
    ['ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG'].includes(error.code)
  );
}

function notAFolder() {
  return Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
}

/**
 * A file system error while reading a `file` repository, without the server's path: a
 * file gone while the folder was read is a passing fault (503); a refused permission or
 * an I/O fault is the server's (500), named by its code and call only. Errors of ours
 * pass unchanged.
 */
function diskFault(error: unknown, shown: string): unknown {
  if (!isSystemError(error)) return error;
  if (isMissing(error)) {
    return new ServiceUnavailableError(
      `the manifests folder "${shown}" named by ${MANIFESTS_PATH_ANNOTATION} changed while it was read; try again`,
    );
  }
  return new Error(
    `the manifests folder "${shown}" named by ${MANIFESTS_PATH_ANNOTATION} could not be read from the server's disk (${
      error.code
    }${error.syscall ? ` on ${error.syscall}` : ''})`,
  );
}

/**
 * The reader's credentials or reading rules refused the read. By name: a reader may
 * use another copy of the errors package; by status, as the error handler does.
 */
function isRefused(error: unknown) {
  if (!isError(error)) return false;
  if (error.name === 'AuthenticationError' || error.name === 'NotAllowedError')
    return true;
  const { statusCode, status } = error as {
    statusCode?: unknown;
    status?: unknown;
  };
  return [401, 403].includes(Number(statusCode ?? status));
}

function refusedRead(repository: string) {
  return new ServiceUnavailableError(
    `the portal could not read ${withoutCredentials(
      repository,
    )} with its configured credentials`,
  );
}

function withoutCredentials(url: string) {
  try {
    const shown = new URL(url);
    shown.username = '';
    shown.password = '';
    shown.search = '';
    shown.hash = '';
    return shown.href;
  } catch {
    return "the entity's repository";
  }
}

function linkOut(shown: string) {
  return new InputError(
    `"${shown}", under the manifests folder named by ${MANIFESTS_PATH_ANNOTATION}, is a symbolic link out of the entity's repository`,
  );
}
