import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { RenderKind } from '@diehard/plugin-ha-posture-common/engine';

/**
 * Where helm and kustomize are, and the bounds of one render.
 *
 * @public
 */
export interface RenderTools {
  /** The helm 3 binary: a path, or a name looked up on PATH. Default: `helm`. */
  helm?: string;
  /** The kustomize 5 binary: a path, or a name looked up on PATH. Default: `kustomize`. */
  kustomize?: string;
  /** Longest one render may take. Default: 30 s. */
  timeoutMs?: number;
  /** Largest output of one render. Default: 16 MiB. */
  maxOutputBytes?: number;
  /**
   * What a user does to name a missing tool, per tool, in the reader's own words
   * (`--helm PATH`, `diehard.posture.render.helmPath`).
   */
  hint?: Partial<Record<RenderKind, string>>;
  /** The paths come from a server's config: errors do not show them. */
  configured?: boolean;
}

/** @public */
export const RENDER_DEFAULTS = {
  timeoutMs: 30_000,
  maxOutputBytes: 16 * 1024 * 1024,
};

/**
 * The part of Backstage's `Config` read here (so that the CLI needs no Backstage package).
 *
 * @public
 */
export interface RenderConfigReader {
  getOptionalString(key: string): string | undefined;
  getOptionalNumber(key: string): number | undefined;
}

/**
 * `diehard.posture.render` (helmPath, kustomizePath, timeoutSeconds, maxOutputBytes).
 *
 * @public
 */
export function renderToolsFromConfig(config: RenderConfigReader): RenderTools {
  const key = (k: string) => `diehard.posture.render.${k}`;
  const seconds = config.getOptionalNumber(key('timeoutSeconds'));
  return {
    helm: config.getOptionalString(key('helmPath')),
    kustomize: config.getOptionalString(key('kustomizePath')),
    timeoutMs: seconds === undefined ? undefined : seconds * 1000,
    maxOutputBytes: config.getOptionalNumber(key('maxOutputBytes')),
    configured: true,
    hint: {
      helm: `install helm 3 on the backend's PATH or set ${key('helmPath')}`,
      kustomize: `install kustomize 5 on the backend's PATH or set ${key(
        'kustomizePath',
      )}`,
    },
  };
}

/**
 * The absolute path of a tool: `name` itself when it holds a `/`, else the first executable
 * of that name on `envPath`; undefined when there is none. Rendering runs with an empty PATH
 * (so that kustomize finds no git to fetch remote bases with), hence the lookup here.
 *
 * @public
 */
export function findTool(
  name: string,
  envPath: string | undefined = process.env.PATH,
): string | undefined {
  const executable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes('/'))
    return isAbsolute(name) && executable(name) ? name : undefined;
  for (const dir of (envPath ?? '').split(delimiter).filter(Boolean)) {
    const p = join(dir, name);
    if (isAbsolute(p) && executable(p)) return p;
  }
  return undefined;
}
