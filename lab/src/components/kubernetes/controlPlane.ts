// The multi-master control plane (`yarn lab up kubernetes --control-plane ha`): 3 etcd
// members, 3 kube-apiservers behind a virtual-address stand-in (vipProxy.ts), 2
// kube-controller-managers and 2 kube-schedulers with leader election. Each member
// runs in its own UTS namespace with its master's host name (`diehard-lab-master-<i>`),
// as on separate machines: an API server's identity lease is named after its host name.
// Every address is on loopback; no network namespace is needed.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { LAB_HOST, LAB_PORTS } from '../../ports';
import { LabError } from '../../util/errors';
import { httpGet } from '../../util/http';
import { httpsRequest } from '../../util/https';
import { withLock } from '../../util/lock';
import {
  isAlive,
  readPid,
  startDaemon,
  stopDaemon,
  waitExited,
} from '../../util/process';
import { exists, readJson, writeJson } from '../../util/state';
import { waitFor } from '../../util/wait';
import type { MirrorPodsConfig } from './mirrorPods';

export type MemberKind =
  | 'etcd'
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'vip'
  /** The stand-in for the masters' kubelets: publishes the members as mirror pods (mirrorPods.ts). */
  | 'kubelet';

/** One process of the control plane, as `lab status` names it (`etcd-1`, `vip`…). */
export interface MemberSpec {
  name: string;
  kind: MemberKind;
  /** The master it stands for (its host name); none for the virtual address. */
  hostname?: string;
  command: string;
  args: string[];
  /** Answers 200 (etcd: `"health":"true"`) once the member is ready, or writes `readyFile`. */
  health: { url: string; etcd?: boolean } | { readyFile: string };
}

/** The topology, as the `kubernetes.controlPlane` endpoint gives it to tests. */
export interface ControlPlaneEndpoint {
  mode: 'ha';
  /** The virtual address (a TCP proxy standing in for keepalived + haproxy). */
  vip: { name: 'vip'; server: string; host: string; port: number };
  apiServers: Array<{
    name: string;
    hostname: string;
    server: string;
    port: number;
  }>;
  etcd: Array<{
    name: string;
    hostname: string;
    clientUrl: string;
    peerUrl: string;
  }>;
  controllerManagers: Array<{ name: string; hostname: string; port: number }>;
  schedulers: Array<{ name: string; hostname: string; port: number }>;
  /** Leader-election leases in kube-system. */
  leases: { controllerManager: string; scheduler: string };
}

export const hostnameOf = (i: number) => `diehard-lab-master-${i}`;

const memberFiles = (dir: string, name: string) => ({
  pid: path.join(dir, `${name}.pid`),
  log: path.join(dir, `${name}.log`),
  /** Present while a test keeps the member down (kill); `lab up` leaves it down. */
  held: path.join(dir, `${name}.held`),
});
const specsFile = (dir: string) => path.join(dir, 'control-plane.json');

/** The topology started last in `dir` (from control-plane.json). */
export async function readSpecs(dir: string): Promise<MemberSpec[]> {
  return (await readJson<MemberSpec[]>(specsFile(dir))) ?? [];
}

export async function writeSpecs(dir: string, specs: MemberSpec[]) {
  await writeJson(specsFile(dir), specs);
}

export function haEndpoint(): ControlPlaneEndpoint {
  const host = LAB_HOST;
  const ports = LAB_PORTS.kubeHa;
  return {
    mode: 'ha',
    vip: {
      name: 'vip',
      server: `https://${host}:${LAB_PORTS.kubeApiserver}`,
      host,
      port: LAB_PORTS.kubeApiserver,
    },
    apiServers: ports.apiServers.map((port, i) => ({
      name: `kube-apiserver-${i}`,
      hostname: hostnameOf(i),
      server: `https://${host}:${port}`,
      port,
    })),
    etcd: ports.etcd.map((m, i) => ({
      name: `etcd-${i}`,
      hostname: hostnameOf(i),
      clientUrl: `http://${host}:${m.client}`,
      peerUrl: `http://${host}:${m.peer}`,
    })),
    controllerManagers: ports.controllerManagers.map((port, i) => ({
      name: `kube-controller-manager-${i}`,
      hostname: hostnameOf(i),
      port,
    })),
    schedulers: ports.schedulers.map((port, i) => ({
      name: `kube-scheduler-${i}`,
      hostname: hostnameOf(i),
      port,
    })),
    leases: {
      controllerManager: 'kube-system/kube-controller-manager',
      scheduler: 'kube-system/kube-scheduler',
    },
  };
}

/**
 * The stand-in for the masters' kubelets (mirrorPods.ts), which publishes every other
 * member as a mirror pod in kube-system; writes its config file.
 */
export async function kubeletStandIn(
  dir: string,
  labDir: string,
  o: Omit<MirrorPodsConfig, 'dir' | 'readyFile'>,
): Promise<MemberSpec> {
  const config: MirrorPodsConfig = {
    ...o,
    dir,
    readyFile: path.join(dir, 'kubelet-stand-in.ready'),
  };
  const file = path.join(dir, 'kubelet-stand-in.json');
  await writeJson(file, config);
  return {
    name: 'kubelet-stand-in',
    kind: 'kubelet',
    command: process.execPath,
    args: [
      path.join(labDir, 'src/components/kubernetes/mirrorPodsDaemon.cjs'),
      file,
    ],
    health: { readyFile: config.readyFile },
  };
}

/** Starts one member (in its master's UTS namespace); does not wait for it. */
export async function startMember(dir: string, spec: MemberSpec) {
  const f = memberFiles(dir, spec.name);
  if ('readyFile' in spec.health)
    await fsp.rm(spec.health.readyFile, { force: true });
  const [command, args] = spec.hostname
    ? [
        'unshare',
        [
          '--uts',
          'sh',
          '-c',
          'hostname "$0" && exec "$@"',
          spec.hostname,
          spec.command,
          ...spec.args,
        ],
      ]
    : [spec.command, spec.args];
  const pid = await startDaemon({
    command,
    args,
    cwd: dir,
    logFile: f.log,
    pidFile: f.pid,
  });
  return { pid, alive: () => isAlive(pid), logFile: f.log };
}

export async function waitMember(
  spec: MemberSpec,
  started: { alive: () => boolean; logFile: string },
  options: { caPem: string; timeoutMs?: number },
) {
  const health = spec.health;
  await waitFor(
    spec.name,
    async () => {
      if ('readyFile' in health)
        return (await exists(health.readyFile)) ? true : undefined;
      if (health.etcd)
        return (await httpGet(health.url)).body.includes('"true"')
          ? true
          : undefined;
      const res = await httpsRequest(health.url, {
        ca: options.caPem,
        insecure: spec.kind !== 'kube-apiserver' && spec.kind !== 'vip',
        timeoutMs: 2000,
      });
      return res.status === 200 ? true : undefined;
    },
    { timeoutMs: options.timeoutMs ?? 90_000, intervalMs: 300, ...started },
  );
}

export async function memberAlive(dir: string, name: string) {
  return isAlive(await readPid(memberFiles(dir, name).pid), dir);
}

export async function memberHeld(dir: string, name: string) {
  return exists(memberFiles(dir, name).held);
}

/** Every member alive, except those a test keeps down. */
export async function membersAlive(dir: string, specs: MemberSpec[]) {
  for (const s of specs) {
    if (!(await memberHeld(dir, s.name)) && !(await memberAlive(dir, s.name)))
      return false;
  }
  return specs.length > 0;
}

/** Stops every member, the virtual address last but one, etcd last. */
export async function stopMembers(dir: string, specs: MemberSpec[]) {
  const order: MemberKind[] = [
    'kubelet',
    'kube-scheduler',
    'kube-controller-manager',
    'vip',
    'kube-apiserver',
    'etcd',
  ];
  for (const kind of order) {
    await Promise.all(
      specs
        .filter(s => s.kind === kind)
        .map(async s => {
          const f = memberFiles(dir, s.name);
          await stopDaemon(f.pid, { expect: dir, timeoutMs: 20_000 });
          await fsp.rm(f.held, { force: true });
        }),
    );
  }
}

export async function memberStatuses(dir: string, specs: MemberSpec[]) {
  return Promise.all(
    specs.map(async s => {
      const pid = await readPid(memberFiles(dir, s.name).pid);
      const held = (await memberHeld(dir, s.name))
        ? ' (kept down by kill)'
        : '';
      return { name: `${s.name}${held}`, pid, alive: isAlive(pid, dir) };
    }),
  );
}

/** Failure operations on the members of a running multi-master control plane. */
export interface ControlPlaneOperations {
  /** SIGKILL a member (`etcd-1`, `kube-apiserver-0`, `vip`…): a crash. It stays down, even across `lab up`, until restart. */
  kill(member: string): Promise<void>;
  /** Starts the member again; resolves once it is healthy (etcd: once the cluster has quorum). */
  restart(member: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Whether the member's process runs. */
  alive(member: string): Promise<boolean>;
}

export function controlPlaneOperations(ctx: {
  dir: string;
  stateDir: string;
  caPem: string;
}): ControlPlaneOperations {
  const { dir } = ctx;
  const spec = async (member: string) => {
    const specs = await readSpecs(dir);
    const s = specs.find(m => m.name === member);
    if (!s)
      throw new LabError(
        `the control plane has no member "${member}" (members: ${specs
          .map(m => m.name)
          .join(', ')})`,
      );
    return s;
  };
  return {
    kill: async member => {
      const s = await spec(member);
      const f = memberFiles(dir, s.name);
      await fsp.writeFile(f.held, 'killed by a test\n');
      const pid = await readPid(f.pid);
      if (pid && isAlive(pid, dir)) {
        process.kill(pid, 'SIGKILL');
        await waitExited(pid);
      }
    },
    // Under the component's lock: a concurrent `lab up` must not see it half-started.
    restart: (member, options = {}) =>
      withLock(ctx.stateDir, 'kubernetes', async () => {
        const s = await spec(member);
        const f = memberFiles(dir, s.name);
        await stopDaemon(f.pid, { expect: dir });
        const started = await startMember(dir, s);
        await fsp.rm(f.held, { force: true });
        await waitMember(s, started, { caPem: ctx.caPem, ...options });
      }),
    alive: async member => memberAlive(dir, (await spec(member)).name),
  };
}
