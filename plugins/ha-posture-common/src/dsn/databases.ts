import { HIGHLY_AVAILABLE_ANNOTATION } from '../annotations';
import { ObjectIndex } from '../grouping/ObjectIndex';
import { Grouping } from '../grouping/groupWorkloads';
import { Workload } from '../grouping/workload';
import { containersOf } from '../kube/podSpec';
import { KubeObject, refOf } from '../model/kube';
import { ConfigFile, entriesOf } from '../tomcat/configFiles';
import { expandEnvRefs } from './hostSettings';
import { Dsn, DsnHost, findDsns } from './parseDsn';

const DB_IMAGE =
  /(^|\/)(mysql|mariadb|postgres|postgresql|percona|percona-server|percona-xtradb-cluster|pxc|galera|mariadb-galera|postgresql-repmgr|patroni|spilo|timescaledb)([:@/_-]|$)/i;
const GALERA_IMAGE = /galera|percona-xtradb-cluster|(^|\/)pxc([:@/_-]|$)/i;
const ARBITRATOR_IMAGE = /garbd|galera-arbitrator|arbitrator/i;

/** The annotation that declares an address (NFS server, external DB) highly available. */
export const HA_ANNOTATION = HIGHLY_AVAILABLE_ANNOTATION;

/** True when an object carries `diehard.io/highly-available: "true"`. */
export function declaredHighlyAvailable(obj: KubeObject | undefined): boolean {
  return (
    String(obj?.metadata?.annotations?.[HA_ANNOTATION] ?? '').toLowerCase() ===
    'true'
  );
}

/** True when the workload is a Galera arbitrator (garbd). */
export function isArbitrator(w: Workload): boolean {
  return containersOf(w.template.spec).some(
    c =>
      ARBITRATOR_IMAGE.test(c.image ?? '') ||
      (c.command ?? []).some(x => /garbd/.test(String(x))),
  );
}

/** True when the workload runs a MySQL/MariaDB/PostgreSQL server. */
export function isDatabaseWorkload(w: Workload): boolean {
  return (
    containersOf(w.template.spec).some(
      c =>
        DB_IMAGE.test(c.image ?? '') ||
        (c.ports ?? []).some(
          p => p?.containerPort === 3306 || p?.containerPort === 5432,
        ),
    ) && !isArbitrator(w)
  );
}

const galera = new WeakMap<Workload, boolean>();

/** True when the workload runs a Galera (or PXC) cluster node. */
export function isGalera(w: Workload): boolean {
  // Asked for the workload itself and for each client whose DSN reaches it.
  let known = galera.get(w);
  if (known === undefined) galera.set(w, (known = readIsGalera(w)));
  return known;
}

function readIsGalera(w: Workload): boolean {
  if (isArbitrator(w)) return false;
  for (const c of containersOf(w.template.spec)) {
    if (GALERA_IMAGE.test(c.image ?? '')) return true;
    if (
      (c.env ?? []).some(e =>
        /^(WSREP_|MARIADB_GALERA_|MYSQL_GALERA_|GALERA_)/i.test(e?.name ?? ''),
      )
    )
      return true;
    if (
      [...(c.command ?? []), ...(c.args ?? [])].some(a =>
        /wsrep/i.test(String(a)),
      )
    )
      return true;
  }
  if (!isDatabaseWorkload(w)) return false;
  return w.configMaps.some(cm =>
    Object.values(entriesOf(cm)).some(v =>
      /^\s*wsrep_(on\s*=\s*(on|1|true)|cluster_address\s*=\s*["']?gcomm)/im.test(
        v,
      ),
    ),
  );
}

/** Namespaces with an arbitrator, computed once per evaluation (per workloads array). */
const arbitratorNamespaces = new WeakMap<Workload[], Set<string>>();

/** True when a Galera arbitrator runs in the namespace (it supplies the odd vote). */
export function hasArbitrator(
  workloads: Workload[],
  namespace: string,
): boolean {
  let namespaces = arbitratorNamespaces.get(workloads);
  if (!namespaces) {
    namespaces = new Set(workloads.filter(isArbitrator).map(w => w.namespace));
    arbitratorNamespaces.set(workloads, namespaces);
  }
  return namespaces.has(namespace);
}

/** A DSN a workload reads, and the object it came from. */
export interface WorkloadDsn {
  dsn: Dsn;
  origin: string;
  /** The object carrying it (to read its annotations), if any. */
  carrier?: KubeObject;
}

const dsnsOf = new WeakMap<
  Workload,
  { files: ConfigFile[]; dsns: WorkloadDsn[] }
>();

/** Every DSN a workload reads: literal env values, its ConfigMaps and Secrets, its config files. */
export function workloadDsns(w: Workload, files: ConfigFile[]): WorkloadDsn[] {
  // Several rules ask for the same workload and files: its texts are scanned once.
  const known = dsnsOf.get(w);
  if (known?.files === files) return known.dsns;
  const dsns = scanWorkloadDsns(w, files);
  dsnsOf.set(w, { files, dsns });
  return dsns;
}

function scanWorkloadDsns(w: Workload, files: ConfigFile[]): WorkloadDsn[] {
  const out: WorkloadDsn[] = [];
  const seen = new Set<string>();
  // Most texts hold no DSN: their origin is only written for the ones that do.
  const add = (text: string, origin: () => string, carrier?: KubeObject) => {
    const found = findDsns(text);
    if (found.length === 0) return;
    const where = origin();
    for (const dsn of found) {
      // A host left as `$(VAR)` or `${VAR}` is not known here: no verdict on it.
      if (dsn.hosts.some(h => /[$(){}]/.test(h.host))) continue;
      const k = `${dsn.redacted}\u0000${where}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ dsn, origin: where, carrier });
    }
  };
  for (const c of containersOf(w.template.spec)) {
    const env = Array.isArray(c.env) ? c.env : [];
    const literal = new Map<string, string>();
    for (const e of env)
      if (e?.name && typeof e.value === 'string') literal.set(e.name, e.value);
    for (const e of env)
      if (typeof e?.value === 'string')
        add(
          expandEnvRefs(e.value, literal),
          () => `${refOf(w.object)} env ${e.name}`,
          w.object,
        );
  }
  for (const obj of [...w.secrets, ...w.configMaps]) {
    for (const [k, v] of Object.entries(entriesOf(obj)))
      add(v, () => `${refOf(obj)}#${k}`, obj);
  }
  for (const f of files) add(f.content, () => f.origin);
  return out;
}

/** What a DSN host is, once resolved against the objects. */
export type HostTarget =
  | { type: 'service'; service: KubeObject; workloads: Workload[] }
  | { type: 'member'; workload: Workload; member: string }
  | { type: 'external' };

const statefulSetsOf = new WeakMap<Workload[], Map<string, Workload>>();
/** The StatefulSets among `workloads` by `namespace/name` (the first of each), built once. */
function statefulSets(workloads: Workload[]): Map<string, Workload> {
  let byName = statefulSetsOf.get(workloads);
  if (!byName) {
    byName = new Map();
    for (const w of workloads) {
      const key = `${w.namespace}/${w.name}`;
      if (w.kind === 'StatefulSet' && !byName.has(key)) byName.set(key, w);
    }
    statefulSetsOf.set(workloads, byName);
  }
  return byName;
}

/** Resolves a DSN host (`svc`, `svc.ns`, `svc.ns.svc.cluster.local`, `pod-0.headless.ns`) to objects. */
export function resolveHost(
  host: DsnHost,
  clientNamespace: string,
  index: ObjectIndex,
  grouping: Grouping,
): HostTarget {
  const name = host.host
    .replace(/\.svc(\.[a-z0-9-]+)*\.?$/, '')
    .replace(/\.cluster\.local\.?$/, '');
  const parts = name.split('.');
  const selected = (svc: KubeObject) =>
    grouping.serviceWorkloads.get(svc) ?? [];
  if (parts.length <= 2) {
    const ns = parts[1] ?? clientNamespace;
    const svc = index.get('Service', ns, parts[0]);
    if (svc) return { type: 'service', service: svc, workloads: selected(svc) };
  }
  // pod-N.headless[.ns]: one member of a StatefulSet.
  if (parts.length >= 2) {
    const ns = parts[2] ?? clientNamespace;
    const svc = index.get('Service', ns, parts[1]);
    const m = parts[0].match(/^(.*)-(\d+)$/);
    if (svc && m) {
      const ss = statefulSets(grouping.workloads).get(`${ns}/${m[1]}`);
      if (ss) return { type: 'member', workload: ss, member: parts[0] };
    }
  }
  return { type: 'external' };
}
