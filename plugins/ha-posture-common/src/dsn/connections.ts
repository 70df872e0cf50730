import { ObjectIndex } from '../grouping/ObjectIndex';
import { Grouping } from '../grouping/groupWorkloads';
import { Workload } from '../grouping/workload';
import { KubeObject, refOf } from '../model/kube';
import { ConfigFile } from '../tomcat/configFiles';
import { isDatabaseWorkload, resolveHost, workloadDsns } from './databases';
import { DatabaseEnv, databaseEnv, isLoopback } from './hostSettings';
import { DsnHost, describeDsn } from './parseDsn';

/** One way the workload reaches a database: a DSN, or a host named by an env var. */
export interface Connection {
  /** Printable, never with credentials: `mysql://db:3306/app` or `DB_HOST=db:3306`. */
  shown: string;
  origin: string;
  carrier?: KubeObject;
  hosts: DsnHost[];
  database: string;
}

/** A workload's database connections, and what its environment says of databases. */
export interface WorkloadConnections {
  connections: Connection[];
  env: DatabaseEnv;
}

const connectionsOf = new WeakMap<
  Workload,
  { files: ConfigFile[]; found: WorkloadConnections }
>();

/** The DSNs and database host settings of a workload, read once for its rules and its report. */
export function workloadConnections(
  w: Workload,
  index: ObjectIndex,
  files: ConfigFile[],
): WorkloadConnections {
  const known = connectionsOf.get(w);
  if (known?.files === files) return known.found;
  const env = databaseEnv(w, index);
  const connections: Connection[] = [
    ...workloadDsns(w, files).map(({ dsn, origin, carrier }) => ({
      shown: describeDsn(dsn),
      origin,
      carrier,
      hosts: dsn.hosts,
      database: dsn.database ?? 'app',
    })),
    ...env.hosts.map(h => ({
      shown: `${h.name}=${h.hosts
        .map(x => (x.port ? `${x.host}:${x.port}` : x.host))
        .join(',')}`,
      origin: h.origin,
      carrier: h.carrier,
      hosts: h.hosts,
      database: 'app',
    })),
  ];
  const found = { connections, env };
  connectionsOf.set(w, { files, found });
  return found;
}

/**
 * The databases a client workload reaches, as a report names them: the database workloads
 * behind each host, the Service when it selects none, or the host name of a database
 * outside the objects. A database server itself reaches none.
 */
export function databasesReached(
  w: Workload,
  index: ObjectIndex,
  grouping: Grouping,
  files: ConfigFile[],
): string[] {
  if (isDatabaseWorkload(w)) return [];
  const reached = new Set<string>();
  for (const { hosts } of workloadConnections(w, index, files).connections) {
    for (const host of hosts) {
      if (isLoopback(host.host)) continue;
      const target = resolveHost(host, w.namespace, index, grouping);
      if (target.type === 'member') reached.add(refOf(target.workload.object));
      else if (target.type === 'external') reached.add(host.host);
      else if (target.workloads.length === 0)
        reached.add(refOf(target.service));
      else for (const d of target.workloads) reached.add(refOf(d.object));
    }
  }
  return [...reached];
}
