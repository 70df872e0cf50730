import {
  ManifestError,
  ParsedManifests,
  parseManifests,
} from '../manifests/parseManifests';
import { ManifestLimits } from '../manifests/limits';
import { tomcatFileKind } from '../tomcat/configFiles';
import { isInsideRendered } from './renderSources';

/**
 * What a file of a repository is to the posture engine.
 *
 * @public
 */
export type PostureFileKind = 'manifest' | 'tomcat';

const MANIFEST = /\.(ya?ml|json)$/i;

/**
 * What a file is by its path: a Kubernetes manifest (`*.yaml`, `*.yml`, `*.json`), a Tomcat
 * file the engine reads (server.xml, context.xml, web.xml, `conf/Catalina/<host>/*.xml`), or
 * nothing. Whatever its folders are: see {@link isPostureInput} for walks.
 *
 * @public
 */
export function postureFileKind(path: string): PostureFileKind | undefined {
  if (MANIFEST.test(path)) return 'manifest';
  return tomcatFileKind(path) ? 'tomcat' : undefined;
}

/**
 * True when a file found in a repository or folder is posture input: a manifest or a Tomcat
 * file, outside hidden folders and `node_modules`. `path` is `/` or `\\` separated and
 * relative to `folder`, the folder walked inside the repository (its own name does not
 * count as hidden, but says where Tomcat's `conf/` is). Readers call it before reading.
 *
 * @public
 */
export function isPostureInput(path: string, folder = ''): boolean {
  const segments = path.split(/[\\/]/);
  if (
    segments.some(
      s =>
        s === 'node_modules' || (s.startsWith('.') && s !== '.' && s !== '..'),
    )
  )
    return false;
  const inRepository =
    folder === '' || folder === '.' ? path : `${folder}/${path}`;
  return postureFileKind(inRepository) !== undefined;
}

/**
 * The engine's input read from files: objects with where each came from, Tomcat files, errors.
 *
 * @public
 */
export interface PostureFiles {
  objects: ParsedManifests['objects'];
  files: Array<{ path: string; content: string }>;
  errors: ManifestError[];
  /** How many manifest files were parsed. */
  manifestCount: number;
}

/**
 * How {@link addPostureFile} parses manifests.
 *
 * @public
 */
export interface PostureFileOptions {
  /** The folder of the repository the paths are relative to (see {@link isPostureInput}). */
  folder?: string;
  limits?: Partial<ManifestLimits>;
  /**
   * Chart and Kustomize folders (see {@link planRenders}): their files are rendered, not
   * graded one by one, so {@link readPostureFiles} skips them.
   */
  renderedDirs?: string[];
  /** A faster parser with {@link parseManifests}' results (the CLI's). */
  parse?: (
    text: string,
    file: string,
    limits: Partial<ManifestLimits>,
  ) => ParsedManifests;
}

/** @public */
export function emptyPostureFiles(): PostureFiles {
  return { objects: [], files: [], errors: [], manifestCount: 0 };
}

/**
 * Adds one file's content to `out`: a manifest's objects and errors, or a Tomcat file as is.
 * `kind` overrides what the path says (a file the user named, stdin); a file that is neither
 * is skipped.
 *
 * @public
 */
export function addPostureFile(
  out: PostureFiles,
  path: string,
  content: string,
  options: PostureFileOptions = {},
  kind: PostureFileKind | undefined = postureFileKind(path),
): void {
  if (kind === 'tomcat') {
    out.files.push({ path, content });
    return;
  }
  if (kind !== 'manifest') return;
  out.manifestCount += 1;
  const parsed = (options.parse ?? parseManifests)(
    content,
    path,
    options.limits ?? {},
  );
  out.objects.push(...parsed.objects);
  out.errors.push(...parsed.errors);
}

/**
 * Turns the files of a repository or folder, as (path, content) pairs, into the engine's
 * input: only those {@link isPostureInput} keeps, outside `options.renderedDirs`, in the
 * order given. No file-system access:
 * the CLI, the scaffolder's gate and the portal read files their own way and all call this.
 *
 * @public
 */
export function readPostureFiles(
  entries: Iterable<{ path: string; content: string }>,
  options: PostureFileOptions = {},
): PostureFiles {
  const out = emptyPostureFiles();
  const folder = options.folder ?? '';
  const rendered = options.renderedDirs ?? [];
  for (const { path, content } of entries)
    if (isPostureInput(path, folder) && !isInsideRendered(path, rendered))
      addPostureFile(
        out,
        path,
        content,
        options,
        postureFileKind(folder && folder !== '.' ? `${folder}/${path}` : path),
      );
  return out;
}
