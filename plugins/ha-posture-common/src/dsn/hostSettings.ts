import { ObjectIndex } from '../grouping/ObjectIndex';
import { Workload } from '../grouping/workload';
import { Container, containersOf } from '../kube/podSpec';
import { KubeObject, refOf } from '../model/kube';
import { entriesOf } from '../tomcat/configFiles';
import { DsnHost } from './parseDsn';

/**
 * Env var names that hold a database host alone (`mysql`, `db:5432`, `pg.data.svc`):
 * WORDPRESS_DB_HOST, DB_HOST, DATABASE_HOST, MYSQL_HOST, POSTGRES_HOST, PGHOST, Ghost's
 * database__connection__host, Keycloak's KC_DB_URL_HOST and DB_ADDR, and their kin.
 * `*_SERVICE_HOST` is what Kubernetes injects (a ClusterIP), never a setting.
 */
const HOST_VAR =
  /^(?:[a-z0-9]+_)*(?:db|database|mysql|mariadb|postgres|postgresql|pg|psql|jdbc|sql)_?(?:host|hostname|addr|address|server)$|^database__connection__host$|^kc_db_url_host$/i;
const SERVICE_HOST_VAR = /_SERVICE_HOST$/i;

/** Env var names that show the app talks to a database, though not where. */
const HINT_VAR =
  /(^|_)(db|database|datasource|jdbc|mysql|mariadb|postgres|postgresql|pg)(_|$)|^database__|^pg(host|user|password|database)$/i;

/** Stores outside the `database` category (or embedded ones) whose variables are no hint. */
const OTHER_STORE =
  /redis|mongo|influx|elastic|cassandra|couch|neo4j|clickhouse|dynamo|sqlite|h2|etcd/i;

/**
 * True when an env var of this name holds a database host (`DB_HOST`, `PGHOST`…).
 *
 * @public
 */
export function isDatabaseHostVariable(name: string): boolean {
  return (
    HOST_VAR.test(name) &&
    !SERVICE_HOST_VAR.test(name) &&
    !OTHER_STORE.test(name)
  );
}

/** Images of applications that cannot run without an external MySQL/PostgreSQL server. */
const NEEDS_DB_IMAGE =
  /(^|\/)(wordpress|drupal|joomla|matomo|odoo|mattermost[a-z-]*|bookstack)([:@]|$)/i;

/** What only a database server's container sets or mounts (its init variables, its data directory). */
const SERVER_VAR =
  /^(MYSQL_ROOT_PASSWORD|MARIADB_ROOT_PASSWORD|MYSQL_ALLOW_EMPTY_PASSWORD|MARIADB_ALLOW_EMPTY_ROOT_PASSWORD|MYSQL_RANDOM_ROOT_PASSWORD|MARIADB_RANDOM_ROOT_PASSWORD|PGDATA|POSTGRES_INITDB_ARGS)$/;
const SERVER_DATA_DIR =
  /^\/(var\/lib\/(mysql|postgresql|pgsql)|bitnami\/(mysql|mariadb|postgresql))(\/|$)/;

/** Containers that front a database from inside the pod (a proxy, a pooler). */
const DB_PROXY_IMAGE =
  /cloudsql|cloud-sql-proxy|gce-proxy|pgbouncer|pgpool|proxysql|maxscale|odyssey|haproxy|rds-proxy|alloydb-auth-proxy/i;

/** A database host named by an env var, with where it came from. */
export interface HostSetting {
  /** The env var name as the container sees it. */
  name: string;
  hosts: DsnHost[];
  /** `Deployment/ns/web env DB_HOST`, `ConfigMap/ns/cfg#DB_HOST`. */
  origin: string;
  /** The object whose annotations may declare the address highly available. */
  carrier?: KubeObject;
  engine?: 'mysql' | 'postgresql';
}

/** A host variable whose value the manifests do not hold (a Secret created by hand). */
export interface HiddenSetting {
  name: string;
  /** `Secret/ns/name` that is not among the objects. */
  missing: string;
}

const DEFAULT_PORT = { mysql: 3306, postgresql: 5432 } as const;

/** The ConfigMap or Secret an env source or envFrom entry names, if any. */
function sourceOf(
  configMap: { name?: string; key?: string } | undefined,
  secret: { name?: string; key?: string } | undefined,
): { kind: string; name: string; key?: string } | undefined {
  if (configMap?.name)
    return { kind: 'ConfigMap', name: configMap.name, key: configMap.key };
  if (secret?.name)
    return { kind: 'Secret', name: secret.name, key: secret.key };
  return undefined;
}

function engineOf(
  name: string,
  env: Map<string, string>,
): 'mysql' | 'postgresql' | undefined {
  const hint = `${name} ${env.get('database__client') ?? ''} ${
    env.get('KC_DB') ?? ''
  } ${env.get('DB_VENDOR') ?? ''}`;
  if (/postgres|(^|[^a-z])pg/i.test(hint)) return 'postgresql';
  if (/mysql|mariadb|wordpress/i.test(hint)) return 'mysql';
  return undefined;
}

/** Expands Kubernetes' `$(VAR)` references from a container's literal env (unknown ones stay). */
export function expandEnvRefs(
  value: string,
  env: ReadonlyMap<string, string>,
): string {
  if (!value.includes('$(')) return value;
  return value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n) =>
    env.has(n) ? env.get(n)! : m,
  );
}

/** True when text still holds a placeholder: `$(VAR)`, `${VAR}`, `{{ }}`. */
export function hasPlaceholder(text: string): boolean {
  return /\$\(|\$\{|\{\{/.test(text);
}

function expand(value: string, env: Map<string, string>): string | undefined {
  const out = expandEnvRefs(value, env);
  return hasPlaceholder(out) ? undefined : out;
}

/**
 * Parses `host`, `host:port`, `tcp://host:port`, `a,b` into hosts; undefined when it is no host.
 *
 * @public
 */
export function parseHostValue(
  value: string,
  defaultPort?: number,
): DsnHost[] | undefined {
  const v = value.trim().replace(/^[a-z]+:\/\//i, '');
  if (!v || v.length > 1000) return undefined;
  const hosts: DsnHost[] = [];
  for (const part of v.split(',')) {
    const m = part
      .trim()
      .match(/^(\[[0-9a-f:]+\]|[a-z0-9_.-]+|[0-9a-f:]+)(?::(\d{1,5}))?\/?$/i);
    if (!m) return undefined;
    hosts.push({
      host: m[1].replace(/^\[|\]$/g, '').toLowerCase(),
      port: m[2] ? Number(m[2]) : defaultPort,
    });
  }
  return hosts;
}

interface EnvEntry {
  name: string;
  value?: string;
  origin: string;
  carrier?: KubeObject;
  /** Set when the value comes from an object the input does not hold. */
  missing?: string;
}

/** Every env var of a container as it would be set: literals, valueFrom keys, envFrom keys. */
function envEntries(w: Workload, c: Container, index: ObjectIndex): EnvEntry[] {
  const out: EnvEntry[] = [];
  const ns = w.namespace;
  for (const e of Array.isArray(c.envFrom) ? c.envFrom : []) {
    const ref = sourceOf(e?.configMapRef, e?.secretRef);
    if (!ref) continue;
    const obj = index.get(ref.kind, ns, ref.name);
    const prefix = String((e as any).prefix ?? '');
    if (!obj) {
      out.push({
        name: `${prefix}*`,
        origin: `${ref.kind}/${ns}/${ref.name}`,
        missing: `${ref.kind}/${ns}/${ref.name}`,
      });
      continue;
    }
    for (const [k, v] of Object.entries(entriesOf(obj)))
      out.push({
        name: prefix + k,
        value: v,
        origin: `${refOf(obj)}#${k}`,
        carrier: obj,
      });
  }
  for (const e of Array.isArray(c.env) ? c.env : []) {
    if (!e?.name) continue;
    if (typeof e.value === 'string') {
      out.push({
        name: e.name,
        value: e.value,
        origin: `${refOf(w.object)} env ${e.name}`,
        carrier: w.object,
      });
      continue;
    }
    const cm = e.valueFrom?.configMapKeyRef;
    const sk = e.valueFrom?.secretKeyRef;
    const ref = sourceOf(cm, sk);
    if (!ref) continue;
    const obj = index.get(ref.kind, ns, ref.name);
    const value = obj ? entriesOf(obj)[String(ref.key)] : undefined;
    out.push({
      name: e.name,
      value,
      origin: obj
        ? `${refOf(obj)}#${ref.key}`
        : `${ref.kind}/${ns}/${ref.name}`,
      carrier: obj,
      missing: obj ? undefined : `${ref.kind}/${ns}/${ref.name}`,
    });
  }
  return out;
}

/** What the workload's env says about its database: hosts named, hosts hidden, hints. */
export interface DatabaseEnv {
  hosts: HostSetting[];
  hidden: HiddenSetting[];
  /** Env var names that show database use (DB_USER, SPRING_DATASOURCE_PASSWORD…). */
  hints: string[];
  /** The image that needs a database, when one does. */
  image?: string;
  /** True when the env selects an embedded database (SQLite, H2, Keycloak's dev-file). */
  embedded: boolean;
  /** True when a container looks like a database server (a custom image with its init variables or data directory). */
  server: boolean;
  /** True when a container of the pod proxies the database (Cloud SQL proxy, PgBouncer…). */
  proxied: boolean;
}

/** Reads the database host settings of a workload's containers. */
export function databaseEnv(w: Workload, index: ObjectIndex): DatabaseEnv {
  const out: DatabaseEnv = {
    hosts: [],
    hidden: [],
    hints: [],
    embedded: false,
    server: false,
    proxied: false,
  };
  for (const c of containersOf(w.template.spec)) {
    if (DB_PROXY_IMAGE.test(c.image ?? '')) out.proxied = true;
    if (
      (Array.isArray(c.env) ? c.env : []).some(e =>
        SERVER_VAR.test(e?.name ?? ''),
      ) ||
      (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).some(m =>
        SERVER_DATA_DIR.test(m?.mountPath ?? ''),
      )
    )
      out.server = true;
    if (!out.image && NEEDS_DB_IMAGE.test(c.image ?? '')) out.image = c.image;
    const entries = envEntries(w, c, index);
    const literal = new Map<string, string>();
    for (const e of entries)
      if (e.value !== undefined) literal.set(e.name, e.value);
    for (const e of entries) {
      if (
        HINT_VAR.test(e.name) &&
        !OTHER_STORE.test(e.name) &&
        !SERVICE_HOST_VAR.test(e.name) &&
        !/_SERVICE_PORT/i.test(e.name)
      )
        out.hints.push(e.name);
      if (!isDatabaseHostVariable(e.name)) continue;
      if (e.missing) {
        out.hidden.push({ name: e.name, missing: e.missing });
        continue;
      }
      const value =
        e.value === undefined ? undefined : expand(e.value, literal);
      const engine = engineOf(e.name, literal);
      const hosts =
        value === undefined
          ? undefined
          : parseHostValue(value, engine ? DEFAULT_PORT[engine] : undefined);
      if (!hosts || hosts.length === 0) continue;
      out.hosts.push({
        name: e.name,
        hosts,
        origin: e.origin,
        carrier: e.carrier,
        engine,
      });
    }
    for (const e of entries)
      if (e.missing && e.name.endsWith('*'))
        out.hidden.push({ name: e.name, missing: e.missing });
  }
  out.hints = [...new Set(out.hints)];
  out.embedded = containersOf(w.template.spec).some(c =>
    (c.env ?? []).some(
      e =>
        /^(database__client|DB_TYPE|DB_VENDOR|KC_DB|DB_CONNECTION|DB_DRIVER)$/i.test(
          e?.name ?? '',
        ) && /sqlite|h2|dev-file|dev-mem/i.test(String(e?.value ?? '')),
    ),
  );
  return out;
}

/** True for the loopback names a host setting may carry. */
export function isLoopback(host: string): boolean {
  return /^(localhost|127(\.\d+){3}|::1|0:0:0:0:0:0:0:1)$/i.test(host);
}
