import { MessageRef, msg } from '../messages/format';
import { workloadConnections } from '../dsn/connections';
import { isDatabaseWorkload } from '../dsn/databases';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const unseen: RuleCheck = {
  id: 'database-unseen',
  category: 'database',
  severity: 'info',
  title: 'Uses a database the manifests do not name (unknown posture)',
};

const MAKE_VISIBLE = msg('database-unseen.remediation', {
  snippet: `env:
  - name: SPRING_DATASOURCE_URL     # or DB_HOST, PGHOST, WORDPRESS_DB_HOST…
    value: jdbc:mariadb://galera:3306/app`,
});

/**
 * `database` (info): the workload shows it uses a database (DB_* variables, or an image that
 * cannot run without one) but neither a DSN nor a host setting is visible: its database
 * posture is unknown, not good. Silent for apps without any such sign, and for what looks like
 * the database server itself (a custom image that sets MYSQL_ROOT_PASSWORD or mounts
 * /var/lib/mysql).
 */
export const databaseUnseenRule: PostureRule = {
  checks: [unseen],
  evaluate({ workload: w, index, files }) {
    if (isDatabaseWorkload(w)) return [];
    const { connections, env } = workloadConnections(w, index, files);
    if (connections.length > 0 || env.proxied || env.embedded || env.server)
      return [];
    let why: MessageRef;
    let evidence: MessageRef | string;
    // A missing envFrom source says nothing about a database unless something else does.
    const hidden = env.hidden.filter(
      h => !h.name.endsWith('*') || env.hints.length > 0,
    );
    if (hidden.length > 0) {
      const h = hidden[0];
      why = msg('database-unseen.hidden', { source: `${h.missing}` });
      evidence = msg('evidence.hiddenSource', {
        variable: h.name,
        source: `${h.missing}`,
      });
    } else if (env.hints.length > 0) {
      why = msg('database-unseen.hints', {
        variables: env.hints.slice(0, 3).join(', '),
      });
      evidence = `env: ${env.hints.slice(0, 5).join(', ')}`;
    } else if (env.image) {
      why = msg('database-unseen.image', { image: env.image });
      evidence = `image: ${env.image}`;
    } else {
      return [];
    }
    return [
      findingFor(unseen, w, {
        message: msg('database-unseen.message', { workload: label(w), why }),
        evidence,
        remediation: MAKE_VISIBLE,
      }),
    ];
  },
};
