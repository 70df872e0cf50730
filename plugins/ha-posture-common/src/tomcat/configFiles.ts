import { Workload } from '../grouping/workload';
import { ObjectIndex } from '../grouping/ObjectIndex';
import {
  Container,
  containersOf,
  envDeclared,
  volumesOf,
} from '../kube/podSpec';
import { KubeObject, refOf } from '../model/kube';

/** A configuration file as the container sees it, and where it came from. */
export interface ConfigFile {
  /** Path inside the container, or the file's path next to the manifests. */
  path: string;
  content: string;
  /** `ConfigMap/ns/name` (or `Secret/…`) that carries it, or the file path. */
  origin: string;
}

const TOMCAT_IMAGE = /(^|[/:_-])(tomcat|tomee)([:@/_-]|$)/i;

/** True when the container runs Tomcat: its image, its CATALINA_* env, or what it mounts. */
export function isTomcatContainer(c: Container): boolean {
  if (c.image && TOMCAT_IMAGE.test(c.image)) return true;
  if (
    envDeclared(c, 'CATALINA_HOME') ||
    envDeclared(c, 'CATALINA_BASE') ||
    envDeclared(c, 'CATALINA_OPTS')
  )
    return true;
  return (c.volumeMounts ?? []).some(m =>
    /tomcat|catalina|\/server\.xml$/i.test(m?.mountPath ?? ''),
  );
}

/** The workload's Tomcat container, if it runs one. */
export function tomcatContainerOf(w: Workload): Container | undefined {
  return containersOf(w.template.spec).find(isTomcatContainer);
}

function decodeBase64(s: string): string {
  try {
    const bin = atob(String(s).replace(/\s+/g, ''));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return '';
  }
}

/** Every key of a ConfigMap or Secret as text (Secret `data` is base64-decoded). */
export function entriesOf(obj: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  if (obj.kind === 'Secret') {
    for (const [k, v] of Object.entries(obj.data ?? {}))
      out[k] = decodeBase64(String(v ?? ''));
    for (const [k, v] of Object.entries(obj.stringData ?? {}))
      out[k] = String(v ?? '');
  } else {
    for (const [k, v] of Object.entries(obj.data ?? {}))
      out[k] = String(v ?? '');
  }
  return out;
}

/** The files that ConfigMaps and Secrets mount into a container, at their paths in it. */
export function mountedFiles(
  w: Workload,
  c: Container,
  index: ObjectIndex,
): ConfigFile[] {
  const out: ConfigFile[] = [];
  const mounts = c.volumeMounts ?? [];
  if (Array.isArray(mounts) && mounts.length === 0) return out;
  const volumes = new Map<string, any>(
    volumesOf(w.template.spec).map(v => [v?.name, v]),
  );
  for (const m of mounts) {
    const v = volumes.get(m?.name ?? '');
    if (!v || !m?.mountPath) continue;
    const sources: Array<{
      obj: KubeObject | undefined;
      items?: Array<{ key: string; path: string }>;
    }> = [];
    if (v.configMap)
      sources.push({
        obj: index.get('ConfigMap', w.namespace, v.configMap.name),
        items: v.configMap.items,
      });
    if (v.secret)
      sources.push({
        obj: index.get('Secret', w.namespace, v.secret.secretName),
        items: v.secret.items,
      });
    for (const s of v.projected?.sources ?? []) {
      if (s?.configMap)
        sources.push({
          obj: index.get('ConfigMap', w.namespace, s.configMap.name),
          items: s.configMap.items,
        });
      if (s?.secret)
        sources.push({
          obj: index.get('Secret', w.namespace, s.secret.name),
          items: s.secret.items,
        });
    }
    for (const { obj, items } of sources) {
      if (!obj) continue;
      const entries = entriesOf(obj);
      const files: Array<{ rel: string; content: string }> = Array.isArray(
        items,
      )
        ? items
            .filter(i => i?.key in entries)
            .map(i => ({ rel: i.path, content: entries[i.key] }))
        : Object.entries(entries).map(([k, content]) => ({ rel: k, content }));
      for (const f of files) {
        if (m.subPath) {
          if (f.rel === m.subPath)
            out.push({
              path: m.mountPath,
              content: f.content,
              origin: `${refOf(obj)}#${f.rel}`,
            });
        } else {
          out.push({
            path: `${m.mountPath.replace(/\/$/, '')}/${f.rel}`,
            content: f.content,
            origin: `${refOf(obj)}#${f.rel}`,
          });
        }
      }
    }
  }
  return out;
}

/** What kind of Tomcat file a path is, by Tomcat's own layout. */
export function tomcatFileKind(
  path: string,
): 'server' | 'context' | 'web' | 'global-web' | undefined {
  const p = path.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (base === 'server.xml') return 'server';
  if (
    base === 'context.xml' ||
    /(^|\/)conf\/Catalina\/[^/]+\/[^/]+\.xml$/.test(p)
  )
    return 'context';
  if (base === 'web.xml')
    return /(^|\/)conf\/web\.xml$/.test(p) ? 'global-web' : 'web';
  return undefined;
}
