/**
 * The lab's fixed loopback addresses and ports, away from the portal (3000, 7007) and
 * from Debian's defaults (5432, 3306, 8080, 2379, 6443, 10250-10259, 5000).
 * Documented in lab/README.md; keep both in sync.
 *
 * A second lab on the same machine (another clone) sets, before it starts,
 * DIEHARD_LAB_PORT_OFFSET (added to every port) and its own DIEHARD_LAB_DIR.
 */
import type { ComponentName } from './components/types';

export const LAB_HOST = process.env.DIEHARD_LAB_HOST ?? '127.0.0.1';

/**
 * Read on each use, not when this module loads: a test that gives its private lab
 * another offset (and state directory) before it starts it gets that lab's ports.
 */
const p = (port: number) =>
  port + Number(process.env.DIEHARD_LAB_PORT_OFFSET ?? 0);

export const LAB_PORTS = {
  get postgres() {
    return p(15432);
  },
  get registry() {
    return p(15000);
  },
  get etcdClient() {
    return p(12379);
  },
  get etcdPeer() {
    return p(12380);
  },
  get kubeApiserver() {
    return p(16443);
  },
  get kubeControllerManager() {
    return p(20257);
  },
  get kubeScheduler() {
    return p(20259);
  },
  get kwokServer() {
    return p(20247);
  },
  /** Per Galera node: SQL, group communication (gmcast), IST receiver, SST receiver. */
  get galera() {
    return [
      { sql: p(13306), gmcast: p(14567), ist: p(14568), sst: p(14444) },
      { sql: p(13307), gmcast: p(14577), ist: p(14578), sst: p(14454) },
      { sql: p(13308), gmcast: p(14587), ist: p(14588), sst: p(14464) },
    ];
  },
  get tomcat() {
    return p(18080);
  },
  get git() {
    return p(18180);
  },
  get oidc() {
    return p(18443);
  },
  /**
   * The multi-master control plane (`--control-plane ha`): etcd members (member 0 on the
   * single member's ports), API servers behind the virtual address (`kubeApiserver`),
   * controller-managers and schedulers (member 0 on the single one's ports).
   */
  get kubeHa() {
    return {
      etcd: [
        { client: p(12379), peer: p(12380) },
        { client: p(12381), peer: p(12382) },
        { client: p(12383), peer: p(12384) },
      ],
      apiServers: [p(16444), p(16445), p(16446)],
      controllerManagers: [p(20257), p(20267)],
      schedulers: [p(20259), p(20269)],
    };
  },
};

/** The ports `name` listens on, checked free before it starts. */
export function componentPorts(name: ComponentName): number[] {
  const ports = LAB_PORTS;
  const byComponent: Record<ComponentName, number[]> = {
    postgres: [ports.postgres],
    registry: [ports.registry],
    kubernetes: [
      ports.etcdClient,
      ports.etcdPeer,
      ports.kubeApiserver,
      ports.kubeControllerManager,
      ports.kubeScheduler,
      ports.kwokServer,
    ],
    galera: ports.galera.flatMap(n => [n.sql, n.gmcast, n.ist, n.sst]),
    tomcat: [ports.tomcat],
    git: [ports.git],
    oidc: [ports.oidc],
  };
  return byComponent[name];
}

/** The ports the multi-master control plane adds to `kubernetes`' (checked free too). */
export function haControlPlanePorts(): number[] {
  const { kubeHa } = LAB_PORTS;
  const single = componentPorts('kubernetes');
  return [
    ...kubeHa.etcd.flatMap(m => [m.client, m.peer]),
    ...kubeHa.apiServers,
    ...kubeHa.controllerManagers,
    ...kubeHa.schedulers,
  ].filter(port => !single.includes(port));
}
