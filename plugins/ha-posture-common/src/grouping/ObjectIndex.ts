import { KubeObject, isClusterScoped, namespaceOf } from '../model/kube';

/** Looks objects up by kind, namespace and name. Built once per evaluation. */
export class ObjectIndex {
  private readonly byKind = new Map<string, KubeObject[]>();
  /** kind → namespace ('' for cluster-scoped kinds) → objects, and the same by name. */
  private readonly byKindNs = new Map<string, Map<string, KubeObject[]>>();
  private readonly byName = new Map<
    string,
    Map<string, Map<string, KubeObject>>
  >();

  constructor(readonly objects: KubeObject[]) {
    for (const o of objects) {
      if (!o || typeof o !== 'object' || !o.kind) continue;
      const list = this.byKind.get(o.kind);
      if (list) list.push(o);
      else this.byKind.set(o.kind, [o]);
      const ns = isClusterScoped(o.kind) ? '' : namespaceOf(o);
      const names = ObjectIndex.at(ObjectIndex.at(this.byName, o.kind), ns);
      names.set(o.metadata?.name ?? '', o);
      const inNs = ObjectIndex.at(this.byKindNs, o.kind);
      const nsList = inNs.get(ns);
      if (nsList) nsList.push(o);
      else inNs.set(ns, [o]);
    }
  }

  private static at<V>(
    map: Map<string, Map<string, V>>,
    key: string,
  ): Map<string, V> {
    let inner = map.get(key);
    if (!inner) map.set(key, (inner = new Map()));
    return inner;
  }

  /** All objects of a kind, optionally in one namespace. */
  list(kind: string, namespace?: string): KubeObject[] {
    if (namespace === undefined) return this.byKind.get(kind) ?? [];
    return this.byKindNs.get(kind)?.get(namespace) ?? [];
  }

  /** One object by kind, namespace (ignored for cluster-scoped kinds) and name. */
  get(
    kind: string,
    namespace: string,
    name: string | undefined,
  ): KubeObject | undefined {
    if (!name) return undefined;
    return this.byName
      .get(kind)
      ?.get(isClusterScoped(kind) ? '' : namespace)
      ?.get(name);
  }

  /** True when the input holds any object of the kind. */
  has(kind: string): boolean {
    return (this.byKind.get(kind)?.length ?? 0) > 0;
  }
}
