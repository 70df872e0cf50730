// A STAND-IN for the kubelets of the multi-master lab's masters: on a kubeadm cluster each
// master's kubelet runs etcd, kube-apiserver, kube-controller-manager and kube-scheduler
// as static pods and publishes them as mirror pods in kube-system (`<component>-<node>`,
// labels component and tier=control-plane, the real command line), with a status that
// says whether the container runs. Here the members are plain processes (controlPlane.ts),
// so this process does that publishing: it registers each master as a control-plane Node
// (KWOK heartbeats it, as it does the workers), writes one mirror pod per member, and
// keeps each pod's status in step with its process (Ready while it runs, not Ready once
// it is killed, Ready again with one more restart once it is back). It restarts nothing.
// Run by the lab's kubernetes component as `node mirrorPodsDaemon.cjs <config.json>`.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { LAB_HOST } from '../../ports';
import { httpsRequest } from '../../util/https';
import { readJson } from '../../util/state';
import { MemberSpec, memberAlive, readSpecs } from './controlPlane';
import { KWOK_NODE_ANNOTATION, ZONES } from './manifests';

export interface MirrorPodsConfig {
  /** An admin kubeconfig (through the virtual address, as kubeadm's kubelets reach it). */
  kubeconfig: string;
  /** The kubernetes component's directory: control-plane.json and the members' pid files. */
  dir: string;
  /** Written once every master and mirror pod was published (the lab waits for it). */
  readyFile: string;
  versions: { kubernetes: string; etcd: string };
}

export const MIRROR_KINDS = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
] as const;
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
const HASH_ANNOTATION = 'kubernetes.io/config.hash';
/** Marks what this stand-in wrote, so that a reader of the cluster can tell. */
const STAND_IN_LABEL = 'diehard.io/stand-in';
const TICK_MS = 1_000;
/** A full comparison with what the cluster holds, even when nothing changed here. */
const RESYNC_MS = 10_000;

/** Each master's zone, one per zone as a user's three masters would be. */
export const masterZone = (i: number) => ZONES[i % ZONES.length];

/** The control-plane Node of a master (kubeadm's labels and taint). */
export function masterNode(hostname: string, i: number) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: hostname,
      annotations: {
        [KWOK_NODE_ANNOTATION]: 'fake',
        'node.alpha.kubernetes.io/ttl': '0',
        [STAND_IN_LABEL]:
          'lab only: a master of the multi-master lab, its members run as processes on this machine',
      },
      labels: {
        'kubernetes.io/hostname': hostname,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node-role.kubernetes.io/control-plane': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
        'topology.kubernetes.io/zone': masterZone(i),
        'topology.kubernetes.io/region': 'lab',
        'diehard.dev/lab-master': 'true',
        type: 'kwok',
      },
    },
    spec: {
      taints: [
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    },
    status: {
      allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
    },
  };
}

const REQUESTS: Record<(typeof MIRROR_KINDS)[number], string> = {
  etcd: '100m',
  'kube-apiserver': '250m',
  'kube-controller-manager': '200m',
  'kube-scheduler': '100m',
};

/** The mirror pod of a member, as a kubeadm master's kubelet would write it (no status). */
export function mirrorPod(
  member: MemberSpec,
  node: { name: string; uid: string },
  versions: MirrorPodsConfig['versions'],
) {
  const kind = member.kind as (typeof MIRROR_KINDS)[number];
  const spec = {
    nodeName: node.name,
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    priority: 2000001000,
    restartPolicy: 'Always',
    enableServiceLinks: true,
    automountServiceAccountToken: false,
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    containers: [
      {
        name: kind,
        image: `${kind}:${
          kind === 'etcd' ? versions.etcd : versions.kubernetes
        }`,
        imagePullPolicy: 'IfNotPresent',
        command: [member.command, ...member.args],
        resources: {
          requests: {
            cpu: REQUESTS[kind],
            ...(kind === 'etcd' ? { memory: '100Mi' } : {}),
          },
        },
      },
    ],
  };
  const hash = crypto
    .createHash('sha256')
    .update(JSON.stringify(spec))
    .digest('hex')
    .slice(0, 32);
  const etcdUrl = member.args
    .find(a => a.startsWith('--advertise-client-urls='))
    ?.split('=')[1];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${kind}-${node.name}`,
      namespace: 'kube-system',
      labels: {
        component: kind,
        tier: 'control-plane',
        [STAND_IN_LABEL]: 'true',
      },
      annotations: {
        [MIRROR_ANNOTATION]: hash,
        [HASH_ANNOTATION]: hash,
        'kubernetes.io/config.source': 'file',
        ...(etcdUrl
          ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': etcdUrl }
          : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Node',
          name: node.name,
          uid: node.uid,
          controller: true,
        },
      ],
    },
    spec,
  };
}

export interface MemberState {
  alive: boolean;
  /** When the running process started (its pid file's time). */
  startedAt?: string;
  restartCount: number;
}

/** A mirror pod's status: Running and Ready while the process runs, not Ready once it is gone. */
export function mirrorPodStatus(
  member: MemberSpec,
  state: MemberState,
  now: string,
) {
  const ready = state.alive ? 'True' : 'False';
  const condition = (type: string, status = 'True') => ({
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: now,
  });
  return {
    phase: 'Running',
    conditions: [
      condition('PodReadyToStartContainers'),
      condition('Initialized'),
      condition('Ready', ready),
      condition('ContainersReady', ready),
      condition('PodScheduled'),
    ],
    hostIP: LAB_HOST,
    hostIPs: [{ ip: LAB_HOST }],
    podIP: LAB_HOST,
    podIPs: [{ ip: LAB_HOST }],
    startTime: state.startedAt ?? now,
    qosClass: 'Burstable',
    containerStatuses: [
      {
        name: member.kind,
        image: `${member.kind}`,
        imageID: '',
        ready: state.alive,
        started: state.alive,
        restartCount: state.restartCount,
        state: state.alive
          ? { running: { startedAt: state.startedAt ?? now } }
          : {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: 'the process is not running',
              },
            },
      },
    ],
  };
}

const log = (message: string) =>
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);

/** The API does not answer (no quorum, every API server down): the whole pass waits. */
class ApiDown extends Error {}

class Api {
  constructor(
    private readonly server: string,
    private readonly ca: string,
    private readonly token: string,
  ) {}

  async call(
    method: string,
    urlPath: string,
    body?: unknown,
    contentType = 'application/json',
  ) {
    const res = await httpsRequest(`${this.server}${urlPath}`, {
      method,
      ca: this.ca,
      timeoutMs: 5_000,
      headers: {
        Authorization: `Bearer ${this.token}`,
        Accept: 'application/json',
        ...(body ? { 'Content-Type': contentType } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    }).catch(e => {
      throw new ApiDown(`${method} ${urlPath}: ${(e as Error).message}`);
    });
    const text = res.body.toString();
    if (res.status >= 500 || res.status === 429)
      throw new ApiDown(
        `${method} ${urlPath}: ${res.status} ${text.slice(0, 200)}`,
      );
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = { message: text.slice(0, 200) };
    }
    return { status: res.status, body: parsed };
  }
}

/** What the stand-in publishes for the members in `dir`, and keeps in step. */
export class MirrorPods {
  private readonly published = new Map<string, string>();
  private readonly nodes = new Map<string, string>();
  private readonly states = new Map<
    string,
    MemberState & { pid?: number; startedMs?: number }
  >();
  private lastResync = 0;

  constructor(
    private readonly api: Api,
    private readonly config: MirrorPodsConfig,
  ) {}

  private async state(member: MemberSpec): Promise<MemberState> {
    const pidFile = path.join(this.config.dir, `${member.name}.pid`);
    const alive = await memberAlive(this.config.dir, member.name);
    const startedMs = alive
      ? (await fsp.stat(pidFile).catch(() => undefined))?.mtimeMs
      : undefined;
    const before = this.states.get(member.name);
    let restartCount = before?.restartCount ?? 0;
    if (alive && before?.startedMs && startedMs !== before.startedMs)
      restartCount++;
    const next = {
      alive,
      startedMs: alive ? startedMs : before?.startedMs,
      startedAt:
        alive && startedMs ? new Date(startedMs).toISOString() : undefined,
      restartCount,
    };
    this.states.set(member.name, next);
    return next;
  }

  private async node(hostname: string, i: number) {
    const known = this.nodes.get(hostname);
    if (known) return known;
    let res = await this.api.call('GET', `/api/v1/nodes/${hostname}`);
    if (res.status === 404) {
      res = await this.api.call(
        'POST',
        '/api/v1/nodes',
        masterNode(hostname, i),
      );
      if (res.status !== 201 && res.status !== 409)
        throw new Error(`creating Node ${hostname}: ${res.status}`);
      if (res.status === 409)
        res = await this.api.call('GET', `/api/v1/nodes/${hostname}`);
      log(`registered control-plane node ${hostname} (${masterZone(i)})`);
    }
    if (!res.body?.metadata?.uid)
      throw new Error(`reading Node ${hostname}: ${res.status}`);
    this.nodes.set(hostname, res.body.metadata.uid);
    return res.body.metadata.uid as string;
  }

  /**
   * Publishes one member's mirror pod (made anew if its spec changed) and its status;
   * false while an old pod is being replaced.
   */
  private async publish(
    member: MemberSpec,
    i: number,
    resync: boolean,
  ): Promise<boolean> {
    const state = await this.state(member);
    const uid = await this.node(member.hostname!, i);
    const pod = mirrorPod(
      member,
      { name: member.hostname!, uid },
      this.config.versions,
    );
    const name = pod.metadata.name;
    const key = `${pod.metadata.annotations[HASH_ANNOTATION]} ${state.alive} ${state.restartCount}`;
    if (!resync && this.published.get(name) === key) return true;
    const podPath = `/api/v1/namespaces/kube-system/pods/${name}`;
    const current = await this.api.call('GET', podPath);
    const currentHash = current.body?.metadata?.annotations?.[HASH_ANNOTATION];
    if (
      current.status === 200 &&
      currentHash !== pod.metadata.annotations[HASH_ANNOTATION]
    ) {
      await this.api.call('DELETE', `${podPath}?gracePeriodSeconds=0`);
      this.published.delete(name);
      return false; // made anew on the next tick, once the old one is gone
    }
    if (current.status === 404) {
      const created = await this.api.call(
        'POST',
        '/api/v1/namespaces/kube-system/pods',
        pod,
      );
      if (created.status !== 201)
        throw new Error(
          `creating ${name}: ${created.status} ${created.body?.message ?? ''}`,
        );
      log(`mirror pod ${name}`);
    } else if (current.status !== 200) {
      throw new Error(`reading ${name}: ${current.status}`);
    }
    const want = mirrorPodStatus(member, state, new Date().toISOString());
    const shown = current.body?.status;
    const ready = (s: any) =>
      s?.conditions?.find((c: any) => c.type === 'Ready')?.status;
    if (
      current.status === 200 &&
      ready(shown) === ready(want) &&
      shown?.containerStatuses?.[0]?.restartCount === state.restartCount &&
      shown?.phase === want.phase
    ) {
      this.published.set(name, key);
      return true;
    }
    const patched = await this.api.call(
      'PATCH',
      `${podPath}/status`,
      { status: want },
      'application/merge-patch+json',
    );
    if (patched.status !== 200)
      throw new Error(
        `status of ${name}: ${patched.status} ${patched.body?.message ?? ''}`,
      );
    this.published.set(name, key);
    log(
      `${name}: ${
        state.alive ? 'Ready' : 'not Ready (process not running)'
      }, restarts ${state.restartCount}`,
    );
    return true;
  }

  /** One pass over the members; true when every one is published. */
  async tick(): Promise<boolean> {
    const resync = Date.now() - this.lastResync >= RESYNC_MS;
    if (resync) this.lastResync = Date.now();
    const specs = await readSpecs(this.config.dir);
    const hostnames = [
      ...new Set(specs.filter(s => s.hostname).map(s => s.hostname!)),
    ].sort();
    const members = specs.filter(
      s => s.hostname && (MIRROR_KINDS as readonly string[]).includes(s.kind),
    );
    let ok = members.length > 0;
    for (const m of members) {
      try {
        if (!(await this.publish(m, hostnames.indexOf(m.hostname!), resync)))
          ok = false;
      } catch (e) {
        // The API may be down (no quorum): the next tick tries again, as a kubelet does.
        ok = false;
        this.published.delete(m.name);
        log(`${m.name}: ${(e as Error).message}`);
        if (e instanceof ApiDown) break;
      }
    }
    return ok;
  }
}

export async function main(argv: string[]) {
  const config = await readJson<MirrorPodsConfig>(argv[0]);
  if (!config) throw new Error(`usage: mirrorPodsDaemon.cjs <config.json>`);
  // The lab's own kubeconfig (kubeconfig.ts): one cluster, one token.
  const kc = YAML.parse(await fsp.readFile(config.kubeconfig, 'utf8'));
  const cluster = kc.clusters[0].cluster;
  const api = new Api(
    cluster.server,
    await fsp.readFile(cluster['certificate-authority'], 'utf8'),
    kc.users[0].user.token,
  );
  const pods = new MirrorPods(api, config);
  let ready = false;
  for (;;) {
    if ((await pods.tick()) && !ready) {
      ready = true;
      await fsp.writeFile(config.readyFile, 'ready\n');
      log('every master and mirror pod published');
    }
    await new Promise(r => setTimeout(r, TICK_MS));
  }
}
