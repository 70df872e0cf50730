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

const offset = Number(process.env.DIEHARD_LAB_PORT_OFFSET ?? 0);
const p = (port: number) => port + offset;

export const LAB_PORTS = {
  postgres: p(15432),
  registry: p(15000),
  etcdClient: p(12379),
  etcdPeer: p(12380),
  kubeApiserver: p(16443),
  kubeControllerManager: p(20257),
  kubeScheduler: p(20259),
  kwokServer: p(20247),
  /** Per Galera node: SQL, group communication (gmcast), IST receiver, SST receiver. */
  galera: [
    { sql: p(13306), gmcast: p(14567), ist: p(14568), sst: p(14444) },
    { sql: p(13307), gmcast: p(14577), ist: p(14578), sst: p(14454) },
    { sql: p(13308), gmcast: p(14587), ist: p(14588), sst: p(14464) },
  ],
  tomcat: p(18080),
  git: p(18180),
  oidc: p(18443),
  /**
   * The multi-master control plane (`--control-plane ha`): etcd members (member 0 on the
   * single member's ports), API servers behind the virtual address (`kubeApiserver`),
   * controller-managers and schedulers (member 0 on the single one's ports).
   */
  kubeHa: {
    etcd: [
      { client: p(12379), peer: p(12380) },
      { client: p(12381), peer: p(12382) },
      { client: p(12383), peer: p(12384) },
    ],
    apiServers: [p(16444), p(16445), p(16446)],
    controllerManagers: [p(20257), p(20267)],
    schedulers: [p(20259), p(20269)],
  },
};

/** The ports each component listens on, checked free before it starts. */
export const COMPONENT_PORTS: Record<ComponentName, number[]> = {
  postgres: [LAB_PORTS.postgres],
  registry: [LAB_PORTS.registry],
  kubernetes: [
    LAB_PORTS.etcdClient,
    LAB_PORTS.etcdPeer,
    LAB_PORTS.kubeApiserver,
    LAB_PORTS.kubeControllerManager,
    LAB_PORTS.kubeScheduler,
    LAB_PORTS.kwokServer,
  ],
  galera: LAB_PORTS.galera.flatMap(n => [n.sql, n.gmcast, n.ist, n.sst]),
  tomcat: [LAB_PORTS.tomcat],
  git: [LAB_PORTS.git],
  oidc: [LAB_PORTS.oidc],
};

/** The ports the multi-master control plane adds to `kubernetes`' (checked free too). */
export const HA_CONTROL_PLANE_PORTS: number[] = [
  ...LAB_PORTS.kubeHa.etcd.flatMap(m => [m.client, m.peer]),
  ...LAB_PORTS.kubeHa.apiServers,
  ...LAB_PORTS.kubeHa.controllerManagers,
  ...LAB_PORTS.kubeHa.schedulers,
].filter(port => !COMPONENT_PORTS.kubernetes.includes(port));
