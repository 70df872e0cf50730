import { msg } from '../messages/format';
import { workloadConnections } from '../dsn/connections';
import {
  declaredHighlyAvailable,
  isDatabaseWorkload,
  resolveHost,
} from '../dsn/databases';
import { isLoopback } from '../dsn/hostSettings';
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

const remediationFor = (svc: string, db: string) =>
  msg('database.remediation.service', {
    snippet: `stringData:\n  DB_URL: jdbc:mariadb://${svc}:3306/${db}\n  # or: jdbc:mariadb:sequential://${svc}-0.${svc},${svc}-1.${svc},${svc}-2.${svc}/${db}`,
  });

/** `database`: the workload's DSNs, resolved against the objects (credentials never printed). */
export const databaseDsnRule: PostureRule = {
  checks: [singleHost, singleMember, singleReplica, galeraClient, localhost],
  evaluate({ workload: w, workloads, index, grouping, files, service }) {
    if (isDatabaseWorkload(w)) return [];
    const out = [];
    const seen = new Set<string>();
    const { connections, env } = workloadConnections(w, index, files);
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
              message: msg('database-galera-client.message', {
                workload: label(w),
                dsn: shown,
                galera: label(b),
                problem,
              }),
              evidence: `${origin}: ${shown}`,
              remediation: msg('database-galera-client.remediation', {
                galera: label(b),
                snippet: 'spec:\n  replicas: 3',
              }),
              objects: [refOf(b.object)],
              spof: msg('database-galera-client.spof', {
                galera: label(b),
                service,
              }),
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
            message: msg('database-localhost.message', {
              workload: label(w),
              dsn: shown,
            }),
            evidence: `${origin}: ${shown}`,
            remediation: msg('database-localhost.remediation', {
              snippet: `env:\n  - name: DB_HOST\n    value: galera.${w.namespace}.svc`,
            }),
            spof: msg('database-localhost.spof', {
              workload: label(w),
              service,
            }),
          }),
        );
        continue;
      }
      if (target.type === 'member') {
        out.push(
          findingFor(singleMember, w, {
            message: msg('database-single-member.message', {
              workload: label(w),
              dsn: shown,
              member: `${target.member}`,
              cluster: label(target.workload),
            }),
            evidence: `${origin}: ${shown}`,
            remediation: remediationFor(
              target.workload.services[0]?.metadata?.name ??
                target.workload.name,
              db,
            ),
            objects: [refOf(target.workload.object)],
            spof: msg('database-single-member.spof', {
              member: `${target.member}`,
              service,
            }),
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
                message: msg('database-single-host.emptyService.message', {
                  workload: label(w),
                  dsn: shown,
                  dbService: `${target.service.metadata?.name}`,
                }),
                evidence: `${origin}: ${shown}`,
                remediation: msg(
                  'database-single-host.emptyService.remediation',
                ),
                objects: [refOf(target.service)],
                spof: msg('database-single-host.spof', {
                  host: host.host,
                  service,
                }),
              }),
            );
          }
        } else if (dbs.every(d => d.replicas < 2)) {
          out.push(
            findingFor(singleReplica, w, {
              message: msg('database-single-replica.message', {
                workload: label(w),
                dsn: shown,
                databases: dbs.map(label).join(', '),
                replicas: dbs[0].replicas,
              }),
              evidence: `${origin}: ${shown}; ${label(dbs[0])} spec.replicas: ${
                dbs[0].object.spec?.replicas ?? 1
              }`,
              remediation: msg('database-single-replica.remediation', {
                dbService: `${target.service.metadata?.name}`,
                snippet: 'spec:\n  replicas: 3',
              }),
              objects: [
                refOf(target.service),
                ...dbs.map(d => refOf(d.object)),
              ],
              spof: msg('database-single-replica.spof', {
                database: label(dbs[0]),
                service,
              }),
            }),
          );
        }
      } else if (!declaredHighlyAvailable(carrier)) {
        out.push(
          findingFor(singleHost, w, {
            message: msg('database-single-host.message', {
              workload: label(w),
              host: host.host,
              dsn: shown,
            }),
            evidence: `${origin}: ${shown}`,
            remediation: msg('database-single-host.remediation', {
              pointAtService: remediationFor('galera', db),
              host: host.host,
              snippet:
                'metadata:\n  annotations:\n    diehard.io/highly-available: "true"',
            }),
            spof: msg('database-single-host.spof', {
              host: host.host,
              service,
            }),
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
