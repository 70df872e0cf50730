import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { run } from '../util/process';
import { exists } from '../util/state';
import type { Reporter } from '../util/reporter';
import { hostAptSources } from './aptSources';
import { writeOciLayout } from './ociLayout';

/** An image made of one layer: a Debian root filesystem with some packages. */
export interface DebianImageSpec {
  /** Repository in the registry, e.g. platform/tomcat. */
  repository: string;
  tag: string;
  /** Debian packages on top of the minbase variant (Essential + apt). */
  packages: string[];
  /** Shell lines run on the host after the packages are installed; $1 is the root. */
  hook?: string[];
  env?: Record<string, string>;
  workingDir?: string;
  exposedPorts?: string[];
  cmd?: string[];
}

export interface BuiltImage {
  spec: DebianImageSpec;
  /** An OCI image layout holding the image under `spec.tag`. */
  layoutDir: string;
  /** The manifest digest (sha256:…). */
  digest: string;
}

const SUITE = 'bookworm';
/** Bumped when the way a spec becomes an image changes. */
const RECIPE = 1;

/**
 * This machine's own certificate authorities (an egress proxy's, a company's), which
 * every image trusts too, as a company's base images carry its CA: Maven inside an
 * image build reaches Maven Central the way this machine does.
 */
const LOCAL_CAS = '/usr/local/share/ca-certificates';

async function localCertificates(): Promise<Record<string, string>> {
  const names = await fsp.readdir(LOCAL_CAS).catch(() => [] as string[]);
  const out: Record<string, string> = {};
  for (const n of names.filter(f => f.endsWith('.crt')).sort())
    out[n] = await fsp.readFile(path.join(LOCAL_CAS, n), 'utf8');
  return out;
}

const TRUST_LOCAL_CAS = [
  `if ls ${LOCAL_CAS}/*.crt >/dev/null 2>&1; then`,
  `  cp ${LOCAL_CAS}/*.crt "$1${LOCAL_CAS}/"`,
  '  chroot "$1" update-ca-certificates >/dev/null',
  'fi',
];

/**
 * What the cached layout depends on: the suite, the packages, the hook, the config and
 * the local CAs it trusts.
 */
export async function imageKey(spec: DebianImageSpec): Promise<string> {
  const inputs = JSON.stringify({
    RECIPE,
    SUITE,
    ...spec,
    cas: await localCertificates(),
  });
  return crypto.createHash('sha256').update(inputs).digest('hex').slice(0, 16);
}

/**
 * The image's OCI layout under `cacheDir`, built on first use (mmdebstrap, a few
 * minutes) and reused afterwards (keyed by `imageKey`). Callers serialise calls.
 */
export async function buildDebianImage(
  spec: DebianImageSpec,
  cacheDir: string,
  report: Reporter,
): Promise<BuiltImage> {
  const name = spec.repository.replace(/[^a-z0-9]+/g, '-');
  const layoutDir = path.join(cacheDir, `${name}-${await imageKey(spec)}`);
  const done = path.join(layoutDir, 'digest');
  if (await exists(done)) {
    const digest = (await fsp.readFile(done, 'utf8')).trim();
    return { spec, layoutDir, digest };
  }
  await fsp.rm(layoutDir, { recursive: true, force: true });
  const scratch = `${layoutDir}.tmp`;
  await fsp.rm(scratch, { recursive: true, force: true });
  await fsp.mkdir(scratch, { recursive: true });
  try {
    const rootfs = path.join(scratch, 'rootfs.tar');
    const started = Date.now();
    report(
      `images: building ${spec.repository}:${
        spec.tag
      } from Debian ${SUITE} (mmdebstrap, minbase + ${spec.packages.join(
        ' ',
      )})`,
    );
    const hook = ['set -e', ...TRUST_LOCAL_CAS, ...(spec.hook ?? [])].join(
      '\n',
    );
    await run(
      'mmdebstrap',
      [
        '--variant=minbase',
        '--mode=root',
        '--format=tar',
        `--include=${spec.packages.join(',')}`,
        // mmdebstrap runs a hook with sh, the root directory as $1.
        `--customize-hook=${hook}`,
        SUITE,
        rootfs,
        ...(await hostAptSources()),
      ],
      { timeoutMs: 30 * 60_000 },
    );
    const oci = path.join(scratch, 'oci');
    const digest = await writeOciLayout({
      dir: oci,
      layerTar: rootfs,
      tag: spec.tag,
      config: {
        Env: Object.entries({
          PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          ...spec.env,
        }).map(([k, v]) => `${k}=${v}`),
        WorkingDir: spec.workingDir,
        Cmd: spec.cmd,
        ExposedPorts: spec.exposedPorts
          ? Object.fromEntries(spec.exposedPorts.map(p => [p, {}]))
          : undefined,
      },
      createdBy: `mmdebstrap --variant=minbase ${SUITE} --include=${spec.packages.join(
        ',',
      )}`,
    });
    await fsp.rm(rootfs);
    await fsp.writeFile(path.join(oci, 'digest'), `${digest}\n`);
    await fsp.rename(oci, layoutDir);
    // Layouts of earlier recipes of this image are not used again.
    for (const entry of await fsp.readdir(cacheDir)) {
      if (
        /^[0-9a-f]{16}$/.test(entry.slice(name.length + 1)) &&
        entry.startsWith(`${name}-`) &&
        path.join(cacheDir, entry) !== layoutDir
      )
        await fsp.rm(path.join(cacheDir, entry), {
          recursive: true,
          force: true,
        });
    }
    report(
      `images: ${spec.repository}:${spec.tag} built in ${Math.round(
        (Date.now() - started) / 1000,
      )} s (${digest})`,
    );
    return { spec, layoutDir, digest };
  } finally {
    await fsp.rm(scratch, { recursive: true, force: true });
  }
}
