/**
 * One host of a DSN.
 *
 * @public
 */
export interface DsnHost {
  host: string;
  port?: number;
}

/**
 * A database connection string, read without its credentials.
 *
 * @public
 */
export interface Dsn {
  engine: 'mysql' | 'mariadb' | 'postgresql';
  form: 'jdbc' | 'url' | 'go-mysql' | 'keyword';
  /** Connector mode when one is named: replication, loadbalance, sequential, aurora, srv… */
  mode?: string;
  hosts: DsnHost[];
  database?: string;
  /** The DSN with every password replaced by `***`: the only form fit to print. */
  redacted: string;
}

const DEFAULT_PORT = { mysql: 3306, mariadb: 3306, postgresql: 5432 } as const;

/**
 * Replaces passwords in any DSN-like text with `***`. Safe to call on any string.
 *
 * @public
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@')
    .replace(/^([^:@/\s()]*):[^@\s]*@(tcp|unix)\(/g, '$1:***@$2(')
    .replace(
      // Any key ending in one: sslpassword, trustCertificateKeyStorePassword, PGPASSWORD.
      /\b(\w*(?:password|passwd|pwd|pass))\s*=\s*('[^']*'|"[^"]*"|[^&;\s)]*)/gi,
      '$1=***',
    );
}

function engineOf(s: string): Dsn['engine'] | undefined {
  const l = s.toLowerCase();
  if (l.startsWith('mysql')) return 'mysql';
  if (l.startsWith('mariadb')) return 'mariadb';
  if (l.startsWith('postgres')) return 'postgresql';
  return undefined;
}

function parseHostPort(
  part: string,
  engine: Dsn['engine'],
): DsnHost | undefined {
  let p = part.trim();
  if (!p) return undefined;
  // Connector/J key-value host form: address=(host=h)(port=p) or (host=h,port=p)
  const kvHost = p.match(/host=([^)(,\s]+)/i);
  if (kvHost) {
    const kvPort = p.match(/port=(\d+)/i);
    return {
      host: kvHost[1].toLowerCase(),
      port: kvPort ? Number(kvPort[1]) : DEFAULT_PORT[engine],
    };
  }
  p = p.replace(/^\[|\]$/g, '');
  const m = p.match(/^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/);
  if (!m) return undefined;
  return {
    host: m[1].replace(/^\[|\]$/g, '').toLowerCase(),
    port: m[2] ? Number(m[2]) : DEFAULT_PORT[engine],
  };
}

function splitHosts(authority: string): string[] {
  // Split on commas outside parentheses (address=(host=a)(port=1),address=(host=b)).
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of authority) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth <= 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parseUrlForm(
  rest: string,
  engine: Dsn['engine'],
): { hosts: DsnHost[]; database?: string } {
  // rest: what follows `//`, e.g. user:pw@h1:3306,h2/db?x=y
  const q = rest.search(/[?#;]/);
  const head = q < 0 ? rest : rest.slice(0, q);
  const at = head.lastIndexOf('@');
  const afterAt = at >= 0 ? head.slice(at + 1) : head;
  const slash = afterAt.search(/\/(?![^(]*\))/);
  const authority = slash < 0 ? afterAt : afterAt.slice(0, slash);
  const database =
    slash < 0 ? undefined : afterAt.slice(slash + 1) || undefined;
  const hosts = splitHosts(authority.replace(/^\[|\]$/g, ''))
    .map(h => parseHostPort(h, engine))
    .filter((h): h is DsnHost => !!h);
  return { hosts, database };
}

/**
 * Parses one DSN; undefined when the text is not a MySQL, MariaDB or PostgreSQL DSN.
 *
 * @public
 */
export function parseDsn(input: string): Dsn | undefined {
  const text = input.trim().replace(/&amp;/g, '&');
  const redacted = redactSecrets(text);
  let m = text.match(
    /^jdbc:(mysql|mariadb|postgresql)(?::([a-z+]+))?:\/\/(.*)$/i,
  );
  if (m) {
    const engine = engineOf(m[1])!;
    const { hosts, database } = parseUrlForm(m[3], engine);
    return {
      engine,
      form: 'jdbc',
      mode: m[2]?.toLowerCase(),
      hosts,
      database,
      redacted,
    };
  }
  m = text.match(/^jdbc:postgresql:([^/].*)$/i);
  if (m) {
    // jdbc:postgresql:dbname means localhost
    return {
      engine: 'postgresql',
      form: 'jdbc',
      hosts: [{ host: 'localhost', port: 5432 }],
      database: m[1],
      redacted,
    };
  }
  m = text.match(/^(mysql|mariadb|postgres|postgresql)(\+srv)?:\/\/(.*)$/i);
  if (m) {
    const engine = engineOf(m[1])!;
    const { hosts, database } = parseUrlForm(m[3], engine);
    return {
      engine,
      form: 'url',
      mode: m[2] ? 'srv' : undefined,
      hosts,
      database,
      redacted,
    };
  }
  m = text.match(/^(?:[^@\s]*@)?tcp\(([^)]*)\)\/([^?\s]*)/);
  if (m) {
    const h = parseHostPort(m[1], 'mysql');
    return {
      engine: 'mysql',
      form: 'go-mysql',
      hosts: h ? [h] : [],
      database: m[2] || undefined,
      redacted,
    };
  }
  if (/(^|\s)host\s*=/.test(text) && /(^|\s)(dbname|user)\s*=/.test(text)) {
    const host = text.match(/(?:^|\s)host\s*=\s*('([^']*)'|(\S+))/);
    const port = text.match(/(?:^|\s)port\s*=\s*'?([\d,]+)/);
    const db = text.match(/(?:^|\s)dbname\s*=\s*'?([^'\s]+)/);
    const ports = (port?.[1] ?? '').split(',');
    const hosts = (host?.[2] ?? host?.[3] ?? '')
      .split(',')
      .filter(Boolean)
      .map((h, i) => ({
        host: h.toLowerCase(),
        port: Number(ports[i] ?? ports[0]) || 5432,
      }));
    return {
      engine: 'postgresql',
      form: 'keyword',
      hosts,
      database: db?.[1],
      redacted,
    };
  }
  return undefined;
}

const GO_MYSQL = /[^\s"'=]*@tcp\([^)]*\)\/[^\s"'<>]*/g;
const CANDIDATES = [
  /jdbc:(?:mysql|mariadb|postgresql)[^\s"'<>]*/gi,
  /(?<![:\w])(?:mysql|mariadb|postgres|postgresql)(?:\+srv)?:\/\/[^\s"'<>]+/gi,
  GO_MYSQL,
];

/**
 * Every DSN found in a piece of text (an env value, a Secret key, a config file).
 *
 * @public
 */
export function findDsns(text: string): Dsn[] {
  if (!text || text.length > 200_000) return [];
  // Cheap pre-check: most ConfigMap values are no DSN, and the regexes below are not free.
  if (
    !text.includes('jdbc:') &&
    !text.includes('://') &&
    !text.includes('@tcp(') &&
    !/(^|\s)host\s*=/.test(text)
  )
    return [];
  const out: Dsn[] = [];
  const decoded = text.replace(/&amp;/g, '&');
  for (const re of CANDIDATES) {
    // The go-sql-driver form starts anywhere: its regex is slow on long texts without `@tcp(`.
    if (re === GO_MYSQL && !decoded.includes('@tcp(')) continue;
    for (const m of decoded.match(re) ?? []) {
      const d = parseDsn(m);
      if (d && d.hosts.length > 0) out.push(d);
    }
  }
  if (out.length === 0 && /^\s*host\s*=/.test(decoded)) {
    const d = parseDsn(decoded);
    if (d && d.hosts.length > 0) out.push(d);
  }
  return out;
}

/**
 * A DSN as it may be printed: engine, hosts and database, never credentials.
 *
 * @public
 */
export function describeDsn(d: Dsn): string {
  const hosts = d.hosts
    .map(h => (h.port ? `${h.host}:${h.port}` : h.host))
    .join(',');
  return `${d.engine}${d.mode ? `:${d.mode}` : ''}://${hosts}${
    d.database ? `/${d.database}` : ''
  }`;
}
