import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { LabPaths } from '../../paths';
import { LabError } from '../../util/errors';
import { tail } from '../../util/process';
import type { Reporter } from '../../util/reporter';

export interface KubernetesVersions {
  kubernetes: string;
  etcd: string;
  kwok: string;
}

export interface KubernetesBinaries {
  versions: KubernetesVersions;
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kubectl: string;
  kwok: string;
  /** KWOK's stage definitions (node and pod lifecycle), passed to it explicitly. */
  kwokStages: string;
}

/** The versions pinned in lab/k8s/versions.env. */
export function pinnedVersions(paths: LabPaths): KubernetesVersions {
  const text = fs.readFileSync(
    path.join(paths.labDir, 'k8s', 'versions.env'),
    'utf8',
  );
  const get = (key: string) => {
    const m = text.match(new RegExp(`^${key}=(\\S+)`, 'm'));
    if (!m) throw new LabError(`lab/k8s/versions.env has no ${key}`);
    return m[1];
  };
  return {
    kubernetes: get('KUBERNETES_VERSION'),
    etcd: get('ETCD_VERSION'),
    kwok: get('KWOK_VERSION'),
  };
}

export function binaryPaths(paths: LabPaths): KubernetesBinaries {
  const versions = pinnedVersions(paths);
  const bin = path.join(paths.cacheDir, 'bin');
  const k8s = path.join(bin, `kubernetes-${versions.kubernetes}`);
  const kwok = path.join(bin, `kwok-${versions.kwok}`);
  return {
    versions,
    etcd: path.join(bin, `etcd-${versions.etcd}`, 'etcd'),
    kubeApiserver: path.join(k8s, 'kube-apiserver'),
    kubeControllerManager: path.join(k8s, 'kube-controller-manager'),
    kubeScheduler: path.join(k8s, 'kube-scheduler'),
    kubectl: path.join(k8s, 'kubectl'),
    kwok: path.join(kwok, 'kwok'),
    kwokStages: path.join(kwok, 'stages'),
  };
}

/**
 * The cached binaries at the pinned versions, built first (lab/scripts/build-k8s.sh:
 * many minutes cold on 2 cores) when missing. A missing Go or a failed build throws.
 */
export async function ensureBinaries(
  paths: LabPaths,
  report: Reporter,
  logFile: string,
): Promise<KubernetesBinaries> {
  const script = path.join(paths.labDir, 'scripts', 'build-k8s.sh');
  const bins = binaryPaths(paths);
  const check = await exitCode(script, ['--check'], logFile);
  if (check === 0) return bins;
  const v = bins.versions;
  report(
    `kubernetes: building ${v.kubernetes}, etcd ${v.etcd}, kwok ${v.kwok} from the Go module proxy ` +
      `(once per version; cold: many minutes). Log: ${logFile}`,
  );
  const code = await exitCode(script, [], logFile);
  if (code !== 0) {
    throw new LabError(
      `building the Kubernetes binaries failed (exit ${code}); end of ${logFile}:\n${tail(
        logFile,
        15,
      )}`,
    );
  }
  return bins;
}

function exitCode(
  command: string,
  args: string[],
  logFile: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(command, args, { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.on('error', reject);
    child.on('close', code => resolve(code ?? 1));
  });
}
