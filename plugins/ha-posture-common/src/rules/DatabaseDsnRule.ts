import {
  declaredHighlyAvailable,
  isDatabaseWorkload,
  resolveHost,
  workloadDsns,
} from '../dsn/databases';
import { databaseEnv, isLoopback } from '../dsn/hostSettings';
import { DsnHost, describeDsn } from '../dsn/parseDsn';
import { KubeObject } from '../model/kube';
import { refOf } from '../model/kube';
import { galeraQuorumProblem } from './GaleraQuorumRule';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const singleHost: RuleCheck = {
  id: 'database-single-host',
  category: 'database',
  severity: 'critical',
  title: 'DSN names one database host that is not a replicated cluster',
};
const singleMember: RuleCheck = {
  id: 'database-single-member',
  category: 'database',
  severity: 'critical',
  title: 'DSN names one member of a database cluster',
};
const singleReplica: RuleCheck = {
  id: 'database-single-replica',
  category: 'database',
  severity: 'critical',
  title: 'Connects to a database that runs one replica',
};
const galeraClient: RuleCheck = {
  id: 'database-galera-client',
  category: 'database',
  severity: 'critical',
  title: 'Connects to a Galera cluster that cannot keep quorum',
};

const localhost: RuleCheck = {
  id: 'database-localhost',
  category: 'database',
  severity: 'critical',
  title: 'Connects to a database on localhost, but its pod runs none',
};

/** One way the workload reaches a database: a DSN, or a host named by an env var. */
interface Connection {
  /** Printable, never with credentials: `mysql://db:3306/app` or `DB_HOST=db:3306`. */
  shown: string;
  origin: string;
  carrier?: KubeObject;
  hosts: DsnHost[];
  database: string;
}

const remediationFor = (svc: string, db: string) =>
  `Point the DSN at a Service in front of the replicated cluster (or list every member for failover):\n\nstringData:\n  DB_URL: jdbc:mariadb://${svc}:3306/${db}\n  # or: jdbc:mariadb:sequential://${svc}-0.${svc},${svc}-1.${svc},${svc}-2.${svc}/${db}`;

/** `database`: the workload's DSNs, resolved against the objects (credentials never printed). */
export const databaseDsnRule: PostureRule = {
  checks: [singleHost, singleMember, singleReplica, galeraClient, localhost],
  evaluate({ workload: w, workloads, index, grouping, files, service }) {
    if (isDatabaseWorkload(w)) return [];
    const out = [];
    const seen = new Set<string>();
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
    for (const {
      shown,
      origin,
      carrier,
      hosts: all,
      database,
    } of connections) {
      if (seen.has(shown)) continue;
      seen.add(shown);
      const db = database;
      const hosts = [...new Map(all.map(h => [h.host, h])).values()];
      const targets = hosts.map(h => ({
        host: h,
        target: resolveHost(h, w.namespace, index, grouping),
      }));
      const backing = [
        ...new Set(
          targets.flatMap(t => {
            if (t.target.type === 'service') return t.target.workloads;
            if (t.target.type === 'member') return [t.target.workload];
            return [];
          }),
        ),
      ];
      for (const b of backing) {
        const problem = galeraQuorumProblem(b, workloads);
        if (problem) {
          out.push(
            findingFor(galeraClient, w, {
              message: `${label(
                w,
              )} connects (${shown}) to Galera cluster ${label(
                b,
              )}, which runs ${problem}.`,
              evidence: `${origin}: ${shown}`,
              remediation: `Run ${label(
                b,
              )} with an odd number of nodes, at least 3:\n\nspec:\n  replicas: 3`,
              objects: [refOf(b.object)],
              spof: `if one ${label(
                b,
              )} node fails, ${service} loses its database`,
            }),
          );
        }
      }
      if (hosts.length >= 2) continue; // multi-host failover URL
      const { host, target } = targets[0] ?? {};
      if (!host) continue;
      if (isLoopback(host.host)) {
        if (env.proxied) continue;
        out.push(
          findingFor(localhost, w, {
            message: `${label(
              w,
            )} connects to ${shown}, but no container of its pod runs a database: the connection fails, or reaches whatever listens on the node (hostNetwork) and dies with it.`,
            evidence: `${origin}: ${shown}`,
            remediation: `Name the database's Service instead of localhost (a Service in front of a replicated cluster):\n\nenv:\n  - name: DB_HOST\n    value: galera.${w.namespace}.svc`,
            spof: `if the node running ${label(
              w,
            )} fails, ${service} loses its database`,
          }),
        );
        continue;
      }
      if (target.type === 'member') {
        out.push(
          findingFor(singleMember, w, {
            message: `${label(w)} connects to ${shown}, a single member (${
              target.member
            }) of ${label(
              target.workload,
            )}: when that member fails the application loses its database although the cluster survives.`,
            evidence: `${origin}: ${shown}`,
            remediation: remediationFor(
              target.workload.services[0]?.metadata?.name ??
                target.workload.name,
              db,
            ),
            objects: [refOf(target.workload.object)],
            spof: `if database member ${target.member} fails, ${service} loses its database`,
          }),
        );
      } else if (target.type === 'service') {
        const dbs = target.workloads;
        if (dbs.length === 0) {
          if (
            !declaredHighlyAvailable(target.service) &&
            !declaredHighlyAvailable(carrier)
          ) {
            out.push(
              findingFor(singleHost, w, {
                message: `${label(w)} connects to ${shown} through Service ${
                  target.service.metadata?.name
                }, which selects no database pods here: nothing shows a replicated cluster behind it.`,
                evidence: `${origin}: ${shown}`,
                remediation: `Run the database as a replicated cluster behind that Service, or declare an external HA endpoint with the annotation diehard.io/highly-available: "true" on the Service.`,
                objects: [refOf(target.service)],
                spof: `if database host ${host.host} fails, ${service} loses its database`,
              }),
            );
          }
        } else if (dbs.every(d => d.replicas < 2)) {
          out.push(
            findingFor(singleReplica, w, {
              message: `${label(w)} connects to ${shown}, served by ${dbs
                .map(label)
                .join(', ')} with ${dbs[0].replicas} replica.`,
              evidence: `${origin}: ${shown}; ${label(dbs[0])} spec.replicas: ${
                dbs[0].object.spec?.replicas ?? 1
              }`,
              remediation: `Replicate the database (e.g. a 3-node Galera StatefulSet) behind Service ${target.service.metadata?.name}:\n\nspec:\n  replicas: 3`,
              objects: [
                refOf(target.service),
                ...dbs.map(d => refOf(d.object)),
              ],
              spof: `if the node running ${label(
                dbs[0],
              )} fails, ${service} loses its database`,
            }),
          );
        }
      } else if (!declaredHighlyAvailable(carrier)) {
        out.push(
          findingFor(singleHost, w, {
            message: `${label(w)} connects to the single database host ${
              host.host
            } (${shown}), which is not a replicated cluster known here.`,
            evidence: `${origin}: ${shown}`,
            remediation: `${remediationFor('galera', db)}\n\nIf ${
              host.host
            } is a highly available endpoint, declare it on the Secret/ConfigMap:\n\nmetadata:\n  annotations:\n    diehard.io/highly-available: "true"`,
            spof: `if database host ${host.host} fails, ${service} loses its database`,
          }),
        );
      }
    }
    // A DSN and a host variable naming the same database are one problem, reported once.
    const reported = new Set<string>();
    return out.filter(f => {
      const k = `${f.rule}\u0000${f.spof ?? f.message}`;
      if (reported.has(k)) return false;
      reported.add(k);
      return true;
    });
  },
};
