import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { MANIFESTS_PATH_ANNOTATION } from '@diehard/plugin-ha-posture-common';

export { MANIFESTS_PATH_ANNOTATION };

/**
 * Where an entity's manifests are: a folder of the repository the catalog read the
 * entity from, and that folder's path inside it (what answers and pages show).
 */
export type ManifestsLocation =
  | { type: 'file'; root: string; folder: string; path: string }
  | { type: 'url'; root: string; folder: string; path: string };

const MAX_PATH = 400;

/**
 * The manifests folder an entity names, confined to the repository the catalog got the
 * entity from (`backstage.io/managed-by-location`, which the catalog writes itself;
 * never a location the entity claims, such as `backstage.io/source-location`).
 *
 * - `url:` the folder of the catalog file is the repository as far as we can know it;
 *   the manifests must be at or below it, read through the UrlReader (and its
 *   `backend.reading.allow` list).
 * - `file:` only when the entity's origin is a `file:` location too (one app-config
 *   declares); the repository is the git work tree holding the catalog file, or that
 *   file's folder outside any work tree.
 *
 * The path must be relative, without `%`, `\`, `?` or `#`, and stay inside the
 * repository once `..` are resolved. Symbolic links are checked where the files are read.
 */
export async function manifestsLocation(
  entity: Entity,
): Promise<ManifestsLocation | undefined> {
  const annotations = entity.metadata.annotations ?? {};
  const value = annotations[MANIFESTS_PATH_ANNOTATION];
  if (value === undefined) return undefined;
  const ref = stringifyEntityRef(entity);
  const location = catalogLocation(annotations[ANNOTATION_LOCATION], ref);
  const origin = catalogLocation(annotations[ANNOTATION_ORIGIN_LOCATION], ref);
  const segments = relativeSegments(value);

  if (location.type === 'url') {
    const root = new URL('.', location.target);
    root.search = '';
    root.hash = '';
    const inside = confine([], segments, value);
    const folder = new URL(inside.join('/'), root);
    if (!folder.href.startsWith(root.href)) throw outside(value);
    return {
      type: 'url',
      root: root.href,
      folder: folder.href,
      path: inside.join('/') || '.',
    };
  }
  if (location.type === 'file') {
    if (origin.type !== 'file') {
      throw new NotAllowedError(
        `${ref} was registered from a ${origin.type} location: its manifests (${MANIFESTS_PATH_ANNOTATION}) are read only from its repository, never from the server's disk`,
      );
    }
    const catalogFolder = path.dirname(path.resolve(location.target));
    const root = await repositoryRoot(catalogFolder);
    const base = path
      .relative(root, catalogFolder)
      .split(path.sep)
      .filter(Boolean);
    const inside = confine(base, segments, value);
    return {
      type: 'file',
      root,
      folder: path.join(root, ...inside),
      path: inside.join('/') || '.',
    };
  }
  throw new InputError(
    `${ref} comes from a ${location.type} location: ${MANIFESTS_PATH_ANNOTATION} is read only for entities from url or file locations`,
  );
}

function catalogLocation(value: string | undefined, ref: string) {
  try {
    if (!value) throw new Error('missing');
    return parseLocationRef(value);
  } catch {
    throw new InputError(
      `${ref} has ${MANIFESTS_PATH_ANNOTATION} but the catalog recorded no location to read it from`,
    );
  }
}

/** The annotation's segments, refusing what could name a place outside a folder. */
function relativeSegments(value: unknown): string[] {
  const shown = JSON.stringify(String(value).slice(0, 100));
  const refuse = (why: string) =>
    new InputError(
      `${MANIFESTS_PATH_ANNOTATION} ${shown} ${why}; give a folder of the entity's repository relative to its catalog file, such as k8s`,
    );
  if (typeof value !== 'string' || value.trim() === '') {
    throw refuse('is empty');
  }
  if (value.length > MAX_PATH)
    throw refuse(`is longer than ${MAX_PATH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value))
    throw refuse('holds control characters');
  if (/[%\\?#]/.test(value)) throw refuse('holds %, \\, ? or #');
  if (
    value.startsWith('/') ||
    value.startsWith('~') ||
    /^[a-z][a-z0-9+.-]*:/i.test(value)
  ) {
    throw refuse('is not a relative path');
  }
  return value.split('/').filter(s => s !== '' && s !== '.');
}

function confine(base: string[], segments: string[], value: string): string[] {
  const result = [...base];
  for (const segment of segments) {
    if (segment === '..') {
      if (result.length === 0) throw outside(value);
      result.pop();
    } else {
      result.push(segment);
    }
  }
  return result;
}

function outside(value: string) {
  return new InputError(
    `${MANIFESTS_PATH_ANNOTATION} ${JSON.stringify(
      value.slice(0, 100),
    )} leads out of the entity's repository; give a folder inside it, such as k8s`,
  );
}

/** The git work tree holding `folder`, or `folder` itself outside any. */
async function repositoryRoot(folder: string): Promise<string> {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    try {
      await fs.lstat(path.join(dir, '.git'));
      return dir;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) return folder;
  }
}
