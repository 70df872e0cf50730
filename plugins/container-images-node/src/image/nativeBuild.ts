import fsp from 'node:fs/promises';
import path from 'node:path';
import { Descriptor, ImageManifest, MediaTypes } from '../registry/mediaTypes';
import { pullImage } from '../registry/pullImage';
import { RegistryClient } from '../registry/RegistryClient';
import { parseReference } from '../registry/reference';
import { LayerSource, buildLayer } from './layerBuilder';
import { OciLayout } from './OciLayout';

/** @public */
export interface ImageSettings {
  entrypoint?: string[];
  cmd?: string[];
  /** Merged over the base image's environment. */
  env?: Record<string, string>;
  workingDir?: string;
  user?: string;
  exposedPorts?: string[];
  /** Merged over the base image's labels (e.g. org.opencontainers.image.source). */
  labels?: Record<string, string>;
}

/** @public */
export interface NativeBuildOptions {
  /** Where to write the OCI layout. */
  layoutDir: string;
  refName: string;
  /** The base image, already resolved to a registry client; none means scratch. */
  base?: { client: RegistryClient; reference: string };
  /** One layer per entry, in order. */
  layers: LayerSource[][];
  settings: ImageSettings;
  /** The image's creation time and every file's mtime (default: the epoch). */
  created?: Date;
  platform?: { os: string; architecture: string };
}

/** @public */
export interface NativeBuildResult {
  manifest: Descriptor;
  /** Repository the base image came from (to mount its layers when pushing). */
  baseRepository?: string;
  baseDigest?: string;
}

interface ImageConfig {
  architecture: string;
  os: string;
  created?: string;
  config?: {
    Entrypoint?: string[] | null;
    Cmd?: string[] | null;
    Env?: string[];
    WorkingDir?: string;
    User?: string;
    ExposedPorts?: Record<string, object>;
    Labels?: Record<string, string>;
    [key: string]: unknown;
  };
  rootfs: { type: 'layers'; diff_ids: string[] };
  history?: {
    created?: string;
    created_by?: string;
    comment?: string;
    empty_layer?: boolean;
  }[];
  [key: string]: unknown;
}

const OCI_LAYER_TYPES: Record<string, string> = {
  [MediaTypes.dockerLayerGzip]: MediaTypes.ociLayerGzip,
};

function mergeEnv(
  base: string[] = [],
  extra: Record<string, string> = {},
): string[] {
  const out = new Map<string, string>();
  for (const kv of base) {
    const eq = kv.indexOf('=');
    out.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? '' : kv.slice(eq + 1));
  }
  for (const [k, v] of Object.entries(extra).sort(([a], [b]) =>
    a.localeCompare(b),
  ))
    out.set(k, v);
  return [...out].map(([k, v]) => `${k}=${v}`);
}

/**
 * Builds an image without a container runtime: the base image's manifest and
 * layers from the registry, one gzip layer per entry of `layers`, and a config with
 * the entrypoint, environment and labels. Reproducible: same inputs, same digest.
 *
 * @public
 */
export async function nativeBuild(
  options: NativeBuildOptions,
): Promise<NativeBuildResult> {
  const layout = await OciLayout.create(options.layoutDir);
  const created = (options.created ?? new Date(0))
    .toISOString()
    .replace('.000Z', 'Z');
  const mtime = Math.floor((options.created ?? new Date(0)).getTime() / 1000);
  const platform = options.platform ?? { os: 'linux', architecture: 'amd64' };

  let config: ImageConfig = {
    architecture: platform.architecture,
    os: platform.os,
    config: {},
    rootfs: { type: 'layers', diff_ids: [] },
    history: [],
  };
  let layers: Descriptor[] = [];
  let baseRepository: string | undefined;
  let baseDigest: string | undefined;

  if (options.base) {
    const ref = parseReference(options.base.reference);
    baseRepository = ref.repository;
    const desc = await pullImage(options.base.client, layout, {
      repository: ref.repository,
      reference: ref.digest ?? ref.tag ?? 'latest',
      platform,
    });
    baseDigest = desc.digest;
    const manifest = await layout.readJson<ImageManifest>(desc.digest);
    config = await layout.readJson<ImageConfig>(manifest.config.digest);
    layers = manifest.layers.map(l => ({
      mediaType: OCI_LAYER_TYPES[l.mediaType] ?? l.mediaType,
      digest: l.digest,
      size: l.size,
    }));
    config.history ??= [];
    config.config ??= {};
  }

  const tmp = path.join(options.layoutDir, 'blobs', 'sha256');
  for (const sources of options.layers) {
    const layer = await buildLayer(sources, { outDir: tmp, mtime });
    await layout.adoptFile(layer.file, layer.digest);
    layers.push({
      mediaType: MediaTypes.ociLayerGzip,
      digest: layer.digest,
      size: layer.size,
    });
    config.rootfs.diff_ids.push(layer.diffId);
    config.history!.push({
      created,
      created_by: `diehard: copy ${sources.map(s => s.to).join(', ')}`,
    });
  }

  const s = options.settings;
  const c = config.config!;
  if (s.entrypoint) {
    c.Entrypoint = s.entrypoint;
    if (!s.cmd) c.Cmd = null; // as with Dockerfile ENTRYPOINT: the base CMD no longer applies
  }
  if (s.cmd) c.Cmd = s.cmd;
  if (s.env) c.Env = mergeEnv(c.Env, s.env);
  if (s.workingDir) c.WorkingDir = s.workingDir;
  if (s.user) c.User = s.user;
  if (s.exposedPorts?.length) {
    c.ExposedPorts = { ...c.ExposedPorts };
    for (const p of s.exposedPorts)
      c.ExposedPorts[p.includes('/') ? p : `${p}/tcp`] = {};
  }
  if (s.labels)
    c.Labels = Object.fromEntries(
      Object.entries({ ...c.Labels, ...s.labels }).sort(),
    );
  config.created = created;

  const configBlob = await layout.writeBlob(JSON.stringify(config));
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaTypes.ociManifest,
    config: { mediaType: MediaTypes.ociConfig, ...configBlob },
    layers,
    ...(s.labels && Object.keys(s.labels).length
      ? { annotations: Object.fromEntries(Object.entries(s.labels).sort()) }
      : {}),
  };
  const m = await layout.writeBlob(JSON.stringify(manifest));
  const desc: Descriptor = { mediaType: MediaTypes.ociManifest, ...m };
  await layout.tag(desc, options.refName);
  await cleanTemp(tmp);
  return { manifest: desc, baseRepository, baseDigest };
}

async function cleanTemp(dir: string) {
  for (const f of await fsp.readdir(dir)) {
    if (f.endsWith('.tmp') || f.startsWith('layer-'))
      await fsp.rm(path.join(dir, f), { force: true });
  }
}
