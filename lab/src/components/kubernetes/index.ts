import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { LAB_HOST, LAB_PORTS } from '../../ports';
import { LabError } from '../../util/errors';
import { httpGet } from '../../util/http';
import { httpsRequest } from '../../util/https';
import {
  isAlive,
  readPid,
  run,
  startDaemon,
  stopDaemon,
} from '../../util/process';
import { exists, readJson, writeJson } from '../../util/state';
import { ensureCa, issueCert } from '../../util/tls';
import { waitFor } from '../../util/wait';
import { OIDC_CLIENT_ID, oidcIssuer } from '../oidc';
import type { ComponentContext, LabComponent } from '../types';
import { binaryPaths, ensureBinaries, KubernetesBinaries } from './binaries';
import {
  ControlPlaneEndpoint,
  haEndpoint,
  kubeletStandIn,
  MemberSpec,
  memberStatuses,
  membersAlive,
  readSpecs,
  startMember,
  stopMembers,
  waitMember,
  writeSpecs,
} from './controlPlane';
import type { VipProxyConfig } from './vipProxy';
import { kubeconfigYaml } from './kubeconfig';
import type { StorageStandInConfig } from './storageStandIn';
import type { V1StorageClass } from '@kubernetes/client-node';
import {
  DEFAULT_PORTAL_NAMESPACES,
  KWOK_NODE_ANNOTATION,
  labFixtureManifests,
  MIN_NODES,
  LOCAL_SSD,
  NFS_HA,
  STAND_IN_ACCOUNT,
  STAND_IN_NAMESPACE,
  storageStandInManifests,
  nodeManifests,
  PORTAL_SA_NAMESPACE,
  PORTAL_SERVICE_ACCOUNT,
  portalManifests,
  REGISTRY_AUTH_FIXTURE,
  ZONES,
} from './manifests';

export interface KubernetesEndpoint {
  /** The pinned upstream version (lab/k8s/versions.env). */
  version: string;
  /** https://127.0.0.1:16443 */
  server: string;
  /** The lab CA that signed the apiserver's certificate. */
  caFile: string;
  caPem: string;
  /** A kubeconfig for cluster-admin (group system:masters). */
  adminKubeconfig: string;
  adminToken: string;
  /** The portal's ServiceAccount: read cluster-wide, apply only in `namespaces`. */
  portal: {
    serviceAccount: string;
    serviceAccountNamespace: string;
    token: string;
    namespaces: string[];
    kubeconfig: string;
  };
  /**
   * The `nfs-ha` StorageClass, served by a STAND-IN provisioner (no NFS here): its
   * claims bind to `nfs` volumes on `server`, a documentation address nothing answers.
   */
  nfsHa: { storageClass: string; provisioner: string; server: string };
  /**
   * The `local-ssd` StorageClass (WaitForFirstConsumer), served by the same STAND-IN:
   * its claims bind to `local` volumes on the node the scheduler picked.
   */
  localSsd: { storageClass: string; provisioner: string };
  /** Fake (KWOK) nodes, spread round-robin over `zones`. */
  nodes: number;
  zones: string[];
  /** Pod IPs come from this loopback range: a process can listen on a pod's IP. */
  podCidr: string;
  serviceCidr: string;
  /** The matching kubectl (the lab's build, not whatever is on PATH). */
  kubectl: string;
  /** The etcd client URL (`ha`: every member's, comma-separated). */
  etcd: string;
  /**
   * Present when the lab runs the multi-master control plane (`--control-plane ha`):
   * its members; `server` is then the virtual address. Absent: one of each.
   */
  controlPlane?: ControlPlaneEndpoint;
}

const POD_CIDR = '127.1.0.0/16';
const STORAGE = {
  nfsHa: {
    storageClass: NFS_HA.storageClass,
    provisioner: NFS_HA.provisioner,
    server: NFS_HA.server,
  },
  localSsd: {
    storageClass: LOCAL_SSD.storageClass,
    provisioner: LOCAL_SSD.provisioner,
  },
};
const SERVICE_CIDR = '10.96.0.0/16';

const PROCESSES = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kwok',
] as const;
type ProcessName = (typeof PROCESSES)[number];

const files = (dir: string) => ({
  pki: path.join(dir, 'pki'),
  etcdData: path.join(dir, 'etcd-data'),
  tokens: path.join(dir, 'tokens.json'),
  tokensCsv: path.join(dir, 'pki', 'tokens.csv'),
  saKey: path.join(dir, 'pki', 'sa.key'),
  saPub: path.join(dir, 'pki', 'sa.pub'),
  kwokConfig: path.join(dir, 'kwok.yaml'),
  admin: path.join(dir, 'admin.kubeconfig'),
  portal: path.join(dir, 'portal.kubeconfig'),
  endpoint: path.join(dir, 'endpoint.json'),
  build: path.join(dir, 'build.log'),
  standIn: {
    config: path.join(dir, 'storage-stand-in.json'),
    kubeconfig: path.join(dir, 'storage-stand-in.kubeconfig'),
    ready: path.join(dir, 'storage-stand-in.ready'),
    pid: path.join(dir, 'storage-stand-in.pid'),
    log: path.join(dir, 'storage-stand-in.log'),
  },
  vipConfig: path.join(dir, 'vip.json'),
  pid: (p: ProcessName) => path.join(dir, `${p}.pid`),
  log: (p: ProcessName) => path.join(dir, `${p}.log`),
  kubeconfig: (p: string) => path.join(dir, `${p}.kubeconfig`),
});

interface Tokens {
  admin: string;
  controllerManager: string;
  scheduler: string;
  kwok: string;
}

async function tokens(dir: string): Promise<Tokens> {
  const f = files(dir);
  const saved = await readJson<Tokens>(f.tokens);
  if (saved) return saved;
  const t = () => crypto.randomBytes(24).toString('hex');
  const fresh = {
    admin: t(),
    controllerManager: t(),
    scheduler: t(),
    kwok: t(),
  };
  await writeJson(f.tokens, fresh);
  return fresh;
}

function wantedNodes(ctx: ComponentContext) {
  return Math.max(MIN_NODES, ctx.options.nodes ?? MIN_NODES);
}

function wantedNamespaces(ctx: ComponentContext) {
  return ctx.options.portalNamespaces ?? DEFAULT_PORTAL_NAMESPACES;
}

async function api(
  e: Pick<KubernetesEndpoint, 'server' | 'caPem' | 'adminToken'>,
  urlPath: string,
) {
  const res = await httpsRequest(`${e.server}${urlPath}`, {
    ca: e.caPem,
    headers: {
      Authorization: `Bearer ${e.adminToken}`,
      Accept: 'application/json',
    },
  });
  if (res.status !== 200)
    throw new LabError(`GET ${urlPath}: ${res.status} ${res.body}`);
  return JSON.parse(res.body.toString());
}

/** Server-side apply of a multi-document YAML, as the lab's field manager. */
async function applyYaml(
  bins: KubernetesBinaries,
  kubeconfig: string,
  yaml: string,
) {
  await run(
    bins.kubectl,
    [
      `--kubeconfig=${kubeconfig}`,
      'apply',
      '--server-side',
      '--force-conflicts',
      '--field-manager=diehard-lab',
      '-f',
      '-',
    ],
    { input: yaml, timeoutMs: 300_000 },
  );
}

type Files = ReturnType<typeof files>;

function apiserverArgs(
  f: Files,
  caFile: string,
  o: { etcdServers: string; port: number },
) {
  return [
    `--etcd-servers=${o.etcdServers}`,
    `--bind-address=${LAB_HOST}`,
    `--advertise-address=${LAB_HOST}`,
    `--secure-port=${o.port}`,
    `--cert-dir=${f.pki}`,
    `--tls-cert-file=${path.join(f.pki, 'apiserver.pem')}`,
    `--tls-private-key-file=${path.join(f.pki, 'apiserver.key')}`,
    `--client-ca-file=${caFile}`,
    `--token-auth-file=${f.tokensCsv}`,
    '--authorization-mode=RBAC',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${f.saPub}`,
    `--service-account-signing-key-file=${f.saKey}`,
    // Users signed in at the lab's OpenID Provider (ID tokens of the portal's client),
    // named by their email; the provider need not run for the API server to start.
    `--oidc-issuer-url=${oidcIssuer()}`,
    `--oidc-client-id=${OIDC_CLIENT_ID}`,
    `--oidc-ca-file=${caFile}`,
    '--oidc-username-claim=email',
    `--service-cluster-ip-range=${SERVICE_CIDR}`,
    // The default reconciler refuses a loopback advertise address.
    '--endpoint-reconciler-type=none',
    '--allow-privileged=true',
    '--profiling=false',
    '--max-requests-inflight=800',
    '--max-mutating-requests-inflight=400',
    '--event-ttl=30m',
    '--v=1',
  ];
}

interface MemberOptions {
  kubeconfig: string;
  port: number;
  certDir: string;
  leaderElect: boolean;
}

function controllerManagerArgs(f: Files, caFile: string, o: MemberOptions) {
  return [
    `--kubeconfig=${o.kubeconfig}`,
    `--bind-address=${LAB_HOST}`,
    `--secure-port=${o.port}`,
    `--cert-dir=${o.certDir}`,
    `--leader-elect=${o.leaderElect}`,
    `--service-account-private-key-file=${f.saKey}`,
    `--root-ca-file=${caFile}`,
    '--cluster-name=diehard-lab',
    // Pods get loopback IPs, which Endpoints and EndpointSlices reject. There is no
    // metrics server: the autoscaler controller would only fail on every
    // HorizontalPodAutoscaler each 15 s, logging and writing its status, a load that
    // grows with the fleet.
    '--controllers=*,-endpoints-controller,-endpointslice-controller,-endpointslice-mirroring-controller,-horizontalpodautoscaling',
    // KWOK's node heartbeats come from one process on 2 busy cores: a late lease must
    // not get a fake node declared dead, and its pods evicted, in the middle of a test.
    '--node-monitor-grace-period=5m',
    '--kube-api-qps=200',
    '--kube-api-burst=400',
    '--concurrent-deployment-syncs=10',
    '--concurrent-replicaset-syncs=10',
    '--v=1',
  ];
}

function schedulerArgs(o: MemberOptions) {
  return [
    `--kubeconfig=${o.kubeconfig}`,
    `--bind-address=${LAB_HOST}`,
    `--secure-port=${o.port}`,
    `--cert-dir=${o.certDir}`,
    `--leader-elect=${o.leaderElect}`,
    // Binds tens of thousands of bench pods at 200/s rather than the default 50/s.
    '--kube-api-qps=200',
    '--kube-api-burst=400',
    '--v=1',
  ];
}

async function kwokArgs(f: Files, bins: KubernetesBinaries) {
  const stages = await Promise.all(
    (await fsp.readdir(bins.kwokStages))
      .sort()
      .map(s => fsp.readFile(path.join(bins.kwokStages, s), 'utf8')),
  );
  // Stages only: with a KwokConfiguration document of our own, kwok skips its defaults.
  await fsp.writeFile(f.kwokConfig, stages.join('\n---\n'));
  return [
    `--kubeconfig=${f.kubeconfig('kwok')}`,
    `--config=${f.kwokConfig}`,
    `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION}=fake`,
    // Without leases kwok's only heartbeat is a node status every 10 to 20 minutes:
    // every node would turn NotReady once the grace period runs out, and their
    // pods lose readiness for good (kwok never makes a pod ready twice).
    '--node-lease-duration-seconds=40',
    `--cidr=${POD_CIDR}`,
    `--node-ip=${LAB_HOST}`,
    `--server-address=${LAB_HOST}:${LAB_PORTS.kwokServer}`,
  ];
}

/**
 * Every command line of ours names a file in the component's directory: `dir` is the
 * `expect` that tells our processes from another lab's (or a recycled PID).
 */
async function processesAlive(dir: string, e: KubernetesEndpoint) {
  if (e.controlPlane) {
    return (
      (await membersAlive(dir, await readSpecs(dir))) &&
      isAlive(await readPid(files(dir).pid('kwok')), dir)
    );
  }
  for (const p of PROCESSES) {
    if (!isAlive(await readPid(files(dir).pid(p)), dir)) return false;
  }
  return true;
}

async function start(ctx: ComponentContext): Promise<KubernetesEndpoint> {
  const { dir, report } = ctx;
  const f = files(dir);
  const host = LAB_HOST;
  const bins = await ensureBinaries(ctx.paths, report, f.build);
  const ca = await ensureCa(ctx.paths.stateDir);
  const t = await tokens(dir);
  const server = `https://${host}:${LAB_PORTS.kubeApiserver}`;
  const caPem = await fsp.readFile(ca.caFile, 'utf8');

  // Certificates, the service-account key, static tokens, kubeconfigs.
  await fsp.mkdir(f.pki, { recursive: true });
  if (!(await exists(path.join(f.pki, 'apiserver.pem')))) {
    await issueCert(ca, f.pki, 'apiserver', {
      ips: [host, '10.96.0.1'],
      dns: [
        'localhost',
        'kubernetes',
        'kubernetes.default',
        'kubernetes.default.svc',
        'kubernetes.default.svc.cluster.local',
      ],
    });
  }
  if (!(await exists(f.saKey))) {
    await run('openssl', [
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:2048',
      '-out',
      f.saKey,
    ]);
    await run('openssl', ['pkey', '-in', f.saKey, '-pubout', '-out', f.saPub]);
  }
  await fsp.writeFile(
    f.tokensCsv,
    [
      `${t.admin},diehard-lab-admin,diehard-lab-admin,"system:masters"`,
      // The controller manager runs every controller with its own credentials.
      `${t.controllerManager},system:kube-controller-manager,system:kube-controller-manager,"system:masters"`,
      `${t.scheduler},system:kube-scheduler,system:kube-scheduler`,
      `${t.kwok},diehard-lab-kwok,diehard-lab-kwok,"system:masters"`,
    ].join('\n'),
    { mode: 0o600 },
  );
  const kc = (user: string, token: string) =>
    kubeconfigYaml({ server, caFile: ca.caFile, user, token });
  await fsp.writeFile(f.admin, kc('diehard-lab-admin', t.admin), {
    mode: 0o600,
  });
  await fsp.writeFile(
    f.kubeconfig('kube-controller-manager'),
    kc('system:kube-controller-manager', t.controllerManager),
    { mode: 0o600 },
  );
  await fsp.writeFile(
    f.kubeconfig('kube-scheduler'),
    kc('system:kube-scheduler', t.scheduler),
    { mode: 0o600 },
  );
  await fsp.writeFile(f.kubeconfig('kwok'), kc('diehard-lab-kwok', t.kwok), {
    mode: 0o600,
  });

  if (ctx.options.controlPlane === 'ha') {
    return startHa(ctx, bins, { ca, caPem, t, server });
  }
  await fsp.rm(path.join(dir, 'control-plane.json'), { force: true });

  const daemon = async (name: ProcessName, command: string, args: string[]) => {
    const pid = await startDaemon({
      command,
      args,
      cwd: dir,
      logFile: f.log(name),
      pidFile: f.pid(name),
    });
    return { pid, alive: () => isAlive(pid), logFile: f.log(name) };
  };

  report(
    `kubernetes: etcd ${bins.versions.etcd} on ${host}:${LAB_PORTS.etcdClient}`,
  );
  const etcdUrl = `http://${host}:${LAB_PORTS.etcdClient}`;
  const etcd = await daemon('etcd', bins.etcd, [
    '--name=diehard-lab',
    `--data-dir=${f.etcdData}`,
    `--listen-client-urls=${etcdUrl}`,
    `--advertise-client-urls=${etcdUrl}`,
    `--listen-peer-urls=http://${host}:${LAB_PORTS.etcdPeer}`,
    `--initial-advertise-peer-urls=http://${host}:${LAB_PORTS.etcdPeer}`,
    `--initial-cluster=diehard-lab=http://${host}:${LAB_PORTS.etcdPeer}`,
    '--unsafe-no-fsync', // a lab: speed over durability against a machine crash
    '--quota-backend-bytes=4294967296',
    '--log-level=warn',
  ]);
  await waitFor(
    'etcd',
    async () =>
      (await httpGet(`${etcdUrl}/health`)).body.includes('"true"')
        ? true
        : undefined,
    {
      timeoutMs: 30_000,
      ...etcd,
    },
  );

  report(`kubernetes: kube-apiserver ${bins.versions.kubernetes} on ${server}`);
  const apiserver = await daemon(
    'kube-apiserver',
    bins.kubeApiserver,
    apiserverArgs(f, ca.caFile, {
      etcdServers: etcdUrl,
      port: LAB_PORTS.kubeApiserver,
    }),
  );
  await waitFor(
    'kube-apiserver',
    async () => {
      const res = await httpsRequest(`${server}/readyz`, {
        ca: caPem,
        timeoutMs: 2000,
      });
      return res.status === 200 ? true : undefined;
    },
    { timeoutMs: 90_000, ...apiserver },
  );

  report('kubernetes: kube-controller-manager, kube-scheduler, kwok');
  const controllerManager = await daemon(
    'kube-controller-manager',
    bins.kubeControllerManager,
    controllerManagerArgs(f, ca.caFile, {
      kubeconfig: f.kubeconfig('kube-controller-manager'),
      port: LAB_PORTS.kubeControllerManager,
      certDir: path.join(f.pki, 'kube-controller-manager'),
      leaderElect: false,
    }),
  );
  const scheduler = await daemon(
    'kube-scheduler',
    bins.kubeScheduler,
    schedulerArgs({
      kubeconfig: f.kubeconfig('kube-scheduler'),
      port: LAB_PORTS.kubeScheduler,
      certDir: path.join(f.pki, 'kube-scheduler'),
      leaderElect: false,
    }),
  );
  const kwok = await daemon('kwok', bins.kwok, await kwokArgs(f, bins));
  const healthz = (port: number) => async () =>
    (
      await httpsRequest(`https://${host}:${port}/healthz`, {
        insecure: true,
        timeoutMs: 2000,
      })
    ).status === 200
      ? true
      : undefined;
  await Promise.all([
    waitFor(
      'kube-controller-manager',
      healthz(LAB_PORTS.kubeControllerManager),
      { timeoutMs: 60_000, ...controllerManager },
    ),
    waitFor('kube-scheduler', healthz(LAB_PORTS.kubeScheduler), {
      timeoutMs: 60_000,
      ...scheduler,
    }),
    waitFor(
      'kwok',
      async () =>
        (
          await httpGet(`http://${host}:${LAB_PORTS.kwokServer}/healthz`)
        ).status === 200
          ? true
          : undefined,
      { timeoutMs: 60_000, ...kwok },
    ),
  ]);

  return newEndpoint(bins, f, {
    server,
    caFile: ca.caFile,
    caPem,
    adminToken: t.admin,
    etcd: etcdUrl,
  });
}

/**
 * The multi-master control plane (controlPlane.ts): etcd members, API servers, the
 * virtual address on the usual API server port, leader-elected controller-managers and
 * schedulers (each talks to its own master's API server, as kubeadm sets them up), then
 * KWOK through the virtual address.
 */
async function startHa(
  ctx: ComponentContext,
  bins: KubernetesBinaries,
  o: {
    ca: { caFile: string };
    caPem: string;
    t: Tokens;
    server: string;
  },
): Promise<KubernetesEndpoint> {
  const { dir, report } = ctx;
  const f = files(dir);
  const cp = haEndpoint();
  const etcdServers = cp.etcd.map(m => m.clientUrl).join(',');
  const initialCluster = cp.etcd.map(m => `${m.name}=${m.peerUrl}`).join(',');
  const kc = (server: string, user: string, token: string) =>
    kubeconfigYaml({ server, caFile: o.ca.caFile, user, token });
  const member = (
    m: { name: string; hostname: string; port: number },
    kind: 'kube-controller-manager' | 'kube-scheduler',
  ): MemberSpec => {
    const options = {
      kubeconfig: f.kubeconfig(m.name),
      port: m.port,
      certDir: path.join(f.pki, m.name),
      leaderElect: true,
    };
    return {
      name: m.name,
      kind,
      hostname: m.hostname,
      command:
        kind === 'kube-scheduler'
          ? bins.kubeScheduler
          : bins.kubeControllerManager,
      args:
        kind === 'kube-scheduler'
          ? schedulerArgs(options)
          : controllerManagerArgs(f, o.ca.caFile, options),
      health: { url: `https://${LAB_HOST}:${m.port}/healthz` },
    };
  };
  const specs: MemberSpec[] = [
    ...cp.etcd.map(
      (m, i): MemberSpec => ({
        name: m.name,
        kind: 'etcd',
        hostname: m.hostname,
        command: bins.etcd,
        args: [
          `--name=${m.name}`,
          `--data-dir=${path.join(dir, `etcd-${i}-data`)}`,
          `--listen-client-urls=${m.clientUrl}`,
          `--advertise-client-urls=${m.clientUrl}`,
          `--listen-peer-urls=${m.peerUrl}`,
          `--initial-advertise-peer-urls=${m.peerUrl}`,
          `--initial-cluster=${initialCluster}`,
          '--initial-cluster-state=new',
          '--initial-cluster-token=diehard-lab-ha',
          // 2 busy shared cores: the defaults (100/1000 ms) elect a new leader on a stall.
          '--heartbeat-interval=200',
          '--election-timeout=2000',
          '--unsafe-no-fsync',
          '--quota-backend-bytes=4294967296',
          '--log-level=warn',
        ],
        health: { url: `${m.clientUrl}/health`, etcd: true },
      }),
    ),
    ...cp.apiServers.map(
      (a): MemberSpec => ({
        name: a.name,
        kind: 'kube-apiserver',
        hostname: a.hostname,
        command: bins.kubeApiserver,
        args: apiserverArgs(f, o.ca.caFile, { etcdServers, port: a.port }),
        health: { url: `${a.server}/readyz` },
      }),
    ),
    {
      name: 'vip',
      kind: 'vip',
      command: process.execPath,
      args: [
        path.join(
          ctx.paths.labDir,
          'src/components/kubernetes/vipProxyDaemon.cjs',
        ),
        f.vipConfig,
      ],
      health: { url: `${o.server}/readyz` },
    },
    ...cp.controllerManagers.map(m => member(m, 'kube-controller-manager')),
    ...cp.schedulers.map(m => member(m, 'kube-scheduler')),
    await kubeletStandIn(dir, ctx.paths.labDir, {
      kubeconfig: f.admin,
      versions: bins.versions,
    }),
  ];
  for (const [i, m] of cp.controllerManagers.entries()) {
    await fsp.writeFile(
      f.kubeconfig(m.name),
      kc(
        cp.apiServers[i].server,
        'system:kube-controller-manager',
        o.t.controllerManager,
      ),
      { mode: 0o600 },
    );
  }
  for (const [i, m] of cp.schedulers.entries()) {
    await fsp.writeFile(
      f.kubeconfig(m.name),
      kc(cp.apiServers[i].server, 'system:kube-scheduler', o.t.scheduler),
      { mode: 0o600 },
    );
  }
  const vip: VipProxyConfig = {
    listen: { host: cp.vip.host, port: cp.vip.port },
    backends: cp.apiServers.map(a => ({ host: LAB_HOST, port: a.port })),
  };
  await writeJson(f.vipConfig, vip);
  await writeSpecs(dir, specs);

  const startKind = async (kind: MemberSpec['kind'], timeoutMs: number) => {
    const these = specs.filter(s => s.kind === kind);
    const started = await Promise.all(these.map(s => startMember(dir, s)));
    return () =>
      Promise.all(
        these.map((s, i) =>
          waitMember(s, started[i], { caPem: o.caPem, timeoutMs }),
        ),
      );
  };
  report(
    `kubernetes: etcd ${bins.versions.etcd} ×3 (${cp.etcd
      .map(m => m.clientUrl)
      .join(', ')})`,
  );
  await (
    await startKind('etcd', 60_000)
  )();
  report(
    `kubernetes: kube-apiserver ${bins.versions.kubernetes} ×3 (${cp.apiServers
      .map(a => a.port)
      .join(', ')}) behind the virtual address ${o.server} (a TCP proxy)`,
  );
  const apiServersReady = await startKind('kube-apiserver', 180_000);
  const vipReady = await startKind('vip', 180_000);
  await apiServersReady();
  await vipReady();
  report(
    'kubernetes: kube-controller-manager ×2, kube-scheduler ×2 (leader election), kwok',
  );
  const cms = await startKind('kube-controller-manager', 90_000);
  const schedulers = await startKind('kube-scheduler', 90_000);
  const kwokPid = await startDaemon({
    command: bins.kwok,
    args: await kwokArgs(f, bins),
    cwd: dir,
    logFile: f.log('kwok'),
    pidFile: f.pid('kwok'),
  });
  await Promise.all([
    cms(),
    schedulers(),
    waitFor(
      'kwok',
      async () =>
        (
          await httpGet(`http://${LAB_HOST}:${LAB_PORTS.kwokServer}/healthz`)
        ).status === 200
          ? true
          : undefined,
      {
        timeoutMs: 60_000,
        alive: () => isAlive(kwokPid),
        logFile: f.log('kwok'),
      },
    ),
  ]);
  report(
    'kubernetes: the masters as control-plane nodes, their members as mirror pods in kube-system (a kubelet stand-in)',
  );
  await (
    await startKind('kubelet', 60_000)
  )();

  return {
    ...newEndpoint(bins, f, {
      server: o.server,
      caFile: o.ca.caFile,
      caPem: o.caPem,
      adminToken: o.t.admin,
      etcd: etcdServers,
    }),
    controlPlane: cp,
  };
}

/**
 * A control plane's endpoint right after it started: nodes, the portal's token and
 * namespaces are filled in by {@link ensure}.
 */
function newEndpoint(
  bins: KubernetesBinaries,
  f: Files,
  access: Pick<
    KubernetesEndpoint,
    'server' | 'caFile' | 'caPem' | 'adminToken' | 'etcd'
  >,
): KubernetesEndpoint {
  return {
    version: bins.versions.kubernetes,
    ...access,
    adminKubeconfig: f.admin,
    portal: {
      serviceAccount: PORTAL_SERVICE_ACCOUNT,
      serviceAccountNamespace: PORTAL_SA_NAMESPACE,
      token: '',
      namespaces: [],
      kubeconfig: f.portal,
    },
    ...STORAGE,
    nodes: 0,
    zones: ZONES,
    podCidr: POD_CIDR,
    serviceCidr: SERVICE_CIDR,
    kubectl: bins.kubectl,
  };
}

/** Adds fake nodes up to the number asked for and portal namespaces; waits until ready. */
async function ensure(
  ctx: ComponentContext,
  e: KubernetesEndpoint,
): Promise<KubernetesEndpoint> {
  const bins = binaryPaths(ctx.paths);
  const f = files(ctx.dir);
  const namespaces = [
    ...new Set([...e.portal.namespaces, ...wantedNamespaces(ctx)]),
  ].sort();
  let token = e.portal.token;
  const standInRunning = await standInAlive(ctx.dir);
  if (
    !token ||
    namespaces.length !== e.portal.namespaces.length ||
    !standInRunning
  ) {
    ctx.report(
      `kubernetes: portal ServiceAccount ${PORTAL_SA_NAMESPACE}/${PORTAL_SERVICE_ACCOUNT}, apply in ${namespaces.join(
        ', ',
      )}`,
    );
    await applyYaml(bins, f.admin, portalManifests(namespaces));
    token = await serviceAccountToken(
      e,
      PORTAL_SA_NAMESPACE,
      PORTAL_SERVICE_ACCOUNT,
    );
    await fsp.writeFile(
      f.portal,
      kubeconfigYaml({
        server: e.server,
        caFile: e.caFile,
        user: PORTAL_SERVICE_ACCOUNT,
        token,
        namespace: namespaces[0],
      }),
      { mode: 0o600 },
    );
  }
  // Lab fixtures (manifests.ts), also for a lab started before they existed.
  const fixturesMissing = await Promise.all(
    namespaces.map(ns =>
      api(
        e,
        `/api/v1/namespaces/${ns}/secrets/${REGISTRY_AUTH_FIXTURE.name}`,
      ).then(
        () => false,
        () => true,
      ),
    ),
  );
  if (fixturesMissing.some(Boolean)) {
    ctx.report(
      `kubernetes: lab fixture Secret ${
        REGISTRY_AUTH_FIXTURE.name
      } (ha-registry) in ${namespaces.join(', ')}`,
    );
    await applyYaml(bins, f.admin, labFixtureManifests(namespaces));
  }

  const wanted = wantedNodes(ctx);
  const selector = encodeURIComponent('diehard.dev/lab=true');
  const existing = (await api(e, `/api/v1/nodes?labelSelector=${selector}`))
    .items.length as number;
  if (existing < wanted) {
    ctx.report(
      `kubernetes: ${
        wanted - existing
      } fake nodes (${existing} → ${wanted}) in ${ZONES.length} zones`,
    );
    await applyYaml(bins, f.admin, nodeManifests(existing + 1, wanted));
  }
  const ready = await waitFor(
    `${wanted} fake nodes Ready (kwok)`,
    async () => {
      const nodes = (await api(e, `/api/v1/nodes?labelSelector=${selector}`))
        .items as Array<{
        status?: { conditions?: Array<{ type: string; status: string }> };
      }>;
      const n = nodes.filter(node =>
        node.status?.conditions?.some(
          c => c.type === 'Ready' && c.status === 'True',
        ),
      ).length;
      return n >= wanted ? n : undefined;
    },
    { timeoutMs: 120_000 + wanted * 200, intervalMs: 500 },
  );
  // The default ServiceAccount (made by kube-controller-manager) gates pod creation.
  await waitFor(
    'the default ServiceAccount in the portal namespaces',
    async () => {
      for (const ns of namespaces)
        await api(e, `/api/v1/namespaces/${ns}/serviceaccounts/default`);
      return true;
    },
    { timeoutMs: 60_000 },
  );
  if (!standInRunning) await startStandIn(ctx, e);
  return {
    ...e,
    ...STORAGE,
    nodes: ready,
    portal: { ...e.portal, token, namespaces },
  };
}

async function standInAlive(dir: string) {
  const f = files(dir).standIn;
  return isAlive(await readPid(f.pid), f.config);
}

/**
 * The token of `account`, from the Secret its manifests declare for it, once
 * kube-controller-manager has filled it in.
 */
function serviceAccountToken(
  e: KubernetesEndpoint,
  namespace: string,
  account: string,
): Promise<string> {
  return waitFor(
    `the ${namespace}/${account} ServiceAccount token (filled by kube-controller-manager)`,
    async () => {
      const secret = await api(
        e,
        `/api/v1/namespaces/${namespace}/secrets/${account}-token`,
      );
      return secret.data?.token
        ? Buffer.from(secret.data.token, 'base64').toString()
        : undefined;
    },
    { timeoutMs: 60_000 },
  );
}

/**
 * Deletes the lab's StorageClasses whose provisioner a newer lab changed (the field is
 * immutable: applying would fail on a cluster kept from before), so they are made anew.
 */
async function dropChangedClasses(
  ctx: ComponentContext,
  e: KubernetesEndpoint,
) {
  const wanted = new Map(
    Object.values(STORAGE).map(c => [c.storageClass, c.provisioner]),
  );
  const { items } = await api(
    e,
    '/apis/storage.k8s.io/v1/storageclasses?labelSelector=diehard.dev%2Flab%3Dtrue',
  );
  for (const c of items as V1StorageClass[]) {
    const name = c.metadata?.name ?? '';
    const provisioner = wanted.get(name);
    if (!provisioner || c.provisioner === provisioner) continue;
    await run(binaryPaths(ctx.paths).kubectl, [
      `--kubeconfig=${files(ctx.dir).admin}`,
      'delete',
      'storageclass',
      name,
      '--ignore-not-found',
    ]);
  }
}

/**
 * The `nfs-ha` and `local-ssd` StorageClasses and their stand-in provisioner
 * (storageStandIn.ts), a Node
 * process recorded by PID like the control plane's; resolves after its first pass.
 */
async function startStandIn(ctx: ComponentContext, e: KubernetesEndpoint) {
  const f = files(ctx.dir);
  ctx.report(
    `kubernetes: StorageClasses ${NFS_HA.storageClass} and ${LOCAL_SSD.storageClass}, served by a stand-in provisioner (no NFS, no disks here)`,
  );
  await dropChangedClasses(ctx, e);
  await applyYaml(binaryPaths(ctx.paths), f.admin, storageStandInManifests());
  const token = await serviceAccountToken(
    e,
    STAND_IN_NAMESPACE,
    STAND_IN_ACCOUNT,
  );
  await fsp.writeFile(
    f.standIn.kubeconfig,
    kubeconfigYaml({
      server: e.server,
      caFile: e.caFile,
      user: STAND_IN_ACCOUNT,
      token,
    }),
    { mode: 0o600 },
  );
  const config: StorageStandInConfig = {
    kubeconfig: f.standIn.kubeconfig,
    readyFile: f.standIn.ready,
  };
  await writeJson(f.standIn.config, config);
  await stopDaemon(f.standIn.pid, { expect: f.standIn.config });
  await fsp.rm(f.standIn.ready, { force: true });
  const pid = await startDaemon({
    command: process.execPath,
    args: [
      path.join(
        ctx.paths.labDir,
        'src/components/kubernetes/storageStandInDaemon.cjs',
      ),
      f.standIn.config,
    ],
    cwd: ctx.dir,
    logFile: f.standIn.log,
    pidFile: f.standIn.pid,
  });
  await waitFor(
    'the storage stand-in provisioner',
    async () => ((await exists(f.standIn.ready)) ? true : undefined),
    {
      timeoutMs: 60_000,
      alive: () => isAlive(pid),
      logFile: f.standIn.log,
    },
  );
}

/**
 * Pauses (SIGSTOP) or resumes (SIGCONT) what makes the lab's cluster move: KWOK's fake
 * nodes, the controllers and the scheduler. The API server and etcd keep answering, so
 * a benchmark can measure a portal reading a fleet that holds still, without the
 * simulators taking the machine's cores. Resume before changing the cluster again.
 */
export async function pauseKubernetesSimulation(
  paused: boolean,
  stateDir: string,
) {
  const dir = path.join(stateDir, 'kubernetes');
  for (const name of [
    'kwok',
    'kube-controller-manager',
    'kube-scheduler',
  ] as const) {
    const pid = await readPid(files(dir).pid(name));
    if (isAlive(pid, dir)) process.kill(pid!, paused ? 'SIGSTOP' : 'SIGCONT');
  }
}

export const kubernetesComponent: LabComponent<KubernetesEndpoint> = {
  name: 'kubernetes',

  async probe(ctx) {
    const e = await readJson<KubernetesEndpoint>(files(ctx.dir).endpoint);
    if (!e || e.version !== binaryPaths(ctx.paths).versions.kubernetes)
      return undefined;
    if (!(await processesAlive(ctx.dir, e))) return undefined;
    let ready = false;
    try {
      const res = await httpsRequest(`${e.server}/readyz`, {
        ca: e.caPem,
        timeoutMs: 2000,
      });
      ready = res.status === 200;
    } catch {
      ready = false;
    }
    if (!ready) return undefined;
    const running = e.controlPlane ? 'ha' : 'single';
    const wanted = ctx.options.controlPlane;
    if (wanted && wanted !== running) {
      throw new LabError(
        `kubernetes runs here with control plane "${running}", not "${wanted}": ` +
          '`yarn lab down kubernetes` first (or use another DIEHARD_LAB_DIR and DIEHARD_LAB_PORT_OFFSET)',
      );
    }
    return e;
  },

  start,
  ensure,

  async stop(ctx) {
    const standIn = files(ctx.dir).standIn;
    await stopDaemon(standIn.pid, { expect: standIn.config });
    await stopDaemon(files(ctx.dir).pid('kwok'), {
      expect: ctx.dir,
      timeoutMs: 20_000,
    });
    await stopMembers(ctx.dir, await readSpecs(ctx.dir));
    // Reverse order; the apiserver last but one so that controllers exit cleanly.
    for (const p of [...PROCESSES].reverse()) {
      await stopDaemon(files(ctx.dir).pid(p), {
        expect: ctx.dir,
        timeoutMs: 20_000,
      });
    }
  },

  async processes(ctx) {
    const standIn = files(ctx.dir).standIn;
    const standInPid = await readPid(standIn.pid);
    const specs = await readSpecs(ctx.dir);
    const control = specs.length ? await memberStatuses(ctx.dir, specs) : [];
    return [
      ...control,
      ...(await Promise.all(
        (specs.length ? (['kwok'] as const) : PROCESSES).map(async name => {
          const pid = await readPid(files(ctx.dir).pid(name));
          return { name, pid, alive: isAlive(pid, ctx.dir) };
        }),
      )),
      {
        name: 'storage-stand-in',
        pid: standInPid,
        alive: isAlive(standInPid, standIn.config),
      },
    ];
  },
};
