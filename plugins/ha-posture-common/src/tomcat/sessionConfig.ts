import { ConfigFile, tomcatFileKind } from './configFiles';
import { XmlElement, findAll, findFirst, parseXml } from './xml';

/**
 * How Tomcat keeps HTTP sessions, read from its effective configuration.
 *
 * @public
 */
export interface SessionConfig {
  /** The server.xml the container loads, or undefined for the image default (no `<Cluster>`). */
  serverXml?: ConfigFile;
  cluster?: { className: string; origin: string };
  /** How members find each other: multicast (Tomcat's default), kubernetes, dns, static, or a class name. */
  membership?: 'multicast' | 'kubernetes' | 'dns' | 'static' | string;
  receiverPort: number;
  /** A context.xml `<Manager>`: overrides the cluster's manager. */
  contextManager?: { className: string; store?: string; origin: string };
  /** True when that manager keeps sessions somewhere that survives a pod (replication or a shared store). */
  managerProtects?: boolean;
  /** True/false when a web.xml (or Context distributable=) is visible; undefined when none is. */
  distributable?: boolean;
  webXmlOrigin?: string;
}

const REPLICATING_MANAGER = /DeltaManager|BackupManager|ClusterManager/;
const EXTERNAL_MANAGER =
  /redis|redisson|memcache|hazelcast|infinispan|mongo|dynamo|jdbc/i;
const SHARED_STORE =
  /JDBCStore|DataSourceStore|redis|memcache|hazelcast|dynamo/i;

function managerProtects(m: XmlElement): {
  className: string;
  store?: string;
  protects: boolean;
} {
  const className =
    m.attrs.className ?? 'org.apache.catalina.session.StandardManager';
  const store = findFirst(m, 'Store')?.attrs.className;
  if (REPLICATING_MANAGER.test(className))
    return { className, store, protects: true };
  if (/PersistentManager/.test(className))
    return { className, store, protects: !!store && SHARED_STORE.test(store) };
  return { className, store, protects: EXTERNAL_MANAGER.test(className) };
}

function membershipOf(cluster: XmlElement): string {
  const m = findFirst(cluster, 'Membership');
  const hasStatic = findAll(cluster, 'Interceptor').some(i =>
    /StaticMembershipInterceptor/.test(i.attrs.className ?? ''),
  );
  if (!m) return hasStatic ? 'static' : 'multicast';
  const cls = m.attrs.className ?? '';
  if (/McastService/.test(cls)) return hasStatic ? 'static' : 'multicast';
  if (/StaticMembershipService/.test(cls)) return 'static';
  if (/CloudMembershipService/.test(cls)) {
    const provider = (
      m.attrs.membershipProviderClassName ?? 'kubernetes'
    ).toLowerCase();
    if (provider.includes('dns')) return 'dns';
    if (provider.includes('kubernetes')) return 'kubernetes';
    return provider;
  }
  if (/Kubernetes|KubePing/i.test(cls)) return 'kubernetes';
  if (/DNS/i.test(cls)) return 'dns';
  return cls || 'multicast';
}

/**
 * The parsed tree of each recent XML text: every Tomcat workload is read by several rules, and
 * the workloads of one chart share the same server.xml. At most 64 texts of at most 256 KiB
 * are kept; trees are only read.
 */
const recent = new Map<string, XmlElement>();
function parsed(text: string): XmlElement {
  let doc = recent.get(text);
  if (!doc) {
    doc = parseXml(text);
    if (text.length > 256 * 1024) return doc;
    if (recent.size >= 64) recent.delete(recent.keys().next().value!);
    recent.set(text, doc);
  }
  return doc;
}

/**
 * Reads the effective session configuration from the files a Tomcat container loads:
 * comments do not count, and a `<Manager>` in context.xml overrides the cluster's manager.
 *
 * @public
 */
export function readSessionConfig(files: ConfigFile[]): SessionConfig {
  const byKind = (k: string) => files.filter(f => tomcatFileKind(f.path) === k);
  const cfg: SessionConfig = { receiverPort: 4000 };
  const server = byKind('server')[0];
  if (server) {
    cfg.serverXml = server;
    const doc = parsed(server.content);
    const cluster = findFirst(doc, 'Cluster');
    if (cluster) {
      cfg.cluster = {
        className: cluster.attrs.className ?? '',
        origin: server.origin,
      };
      cfg.membership = membershipOf(cluster);
      const receiver = findFirst(cluster, 'Receiver');
      const port = Number(receiver?.attrs.port);
      if (Number.isFinite(port) && port > 0) cfg.receiverPort = port;
    }
    // A <Context> with a <Manager> inside server.xml behaves like context.xml.
    for (const ctx of findAll(doc, 'Context')) {
      const m = ctx.children.find(c => c.name === 'Manager');
      if (m) {
        const r = managerProtects(m);
        cfg.contextManager = {
          className: r.className,
          store: r.store,
          origin: server.origin,
        };
        cfg.managerProtects = r.protects;
      }
      if (ctx.attrs.distributable === 'true') cfg.distributable = true;
    }
  }
  for (const f of byKind('context')) {
    const doc = parsed(f.content);
    const ctx = findFirst(doc, 'Context');
    const m = ctx?.children.find(c => c.name === 'Manager');
    if (m) {
      const r = managerProtects(m);
      cfg.contextManager = {
        className: r.className,
        store: r.store,
        origin: f.origin,
      };
      cfg.managerProtects = r.protects;
    }
    if (ctx?.attrs.distributable === 'true') cfg.distributable = true;
  }
  const webs = byKind('web');
  if (cfg.distributable !== true && webs.length > 0) {
    const d = webs.find(f => findFirst(parsed(f.content), 'distributable'));
    cfg.distributable = !!d;
    cfg.webXmlOrigin = (d ?? webs[0]).origin;
  }
  return cfg;
}

const sessionConfigs = new WeakMap<
  ConfigFile[],
  { files: ConfigFile[]; cfg: SessionConfig }
>();

/**
 * {@link readSessionConfig} for the rules of one workload, which share its files: read once
 * per files array (while it holds the same files), the result only read.
 */
export function sessionConfigOf(files: ConfigFile[]): Readonly<SessionConfig> {
  const known = sessionConfigs.get(files);
  if (
    known &&
    known.files.length === files.length &&
    known.files.every((f, i) => f === files[i])
  )
    return known.cfg;
  const cfg = readSessionConfig(files);
  sessionConfigs.set(files, { files: [...files], cfg });
  return cfg;
}
