import { KubeObject, isClusterScoped, namespaceOf } from '../model/kube';

/** Looks objects up by kind, namespace and name. Built once per evaluation. */
export class ObjectIndex {
  private readonly byKind = new Map<string, KubeObject[]>();
  private readonly byKey = new Map<string, KubeObject>();
  private readonly byKindNs = new Map<string, KubeObject[]>();

  constructor(readonly objects: KubeObject[]) {
    for (const o of objects) {
      if (!o || typeof o !== 'object' || !o.kind) continue;
      const list = this.byKind.get(o.kind);
      if (list) list.push(o);
      else this.byKind.set(o.kind, [o]);
      const ns = isClusterScoped(o.kind) ? '' : namespaceOf(o);
      this.byKey.set(ObjectIndex.key(o.kind, ns, o.metadata?.name ?? ''), o);
      const kn = `${o.kind}\u0000${ns}`;
      const nsList = this.byKindNs.get(kn);
      if (nsList) nsList.push(o);
      else this.byKindNs.set(kn, [o]);
    }
  }

  private static key(kind: string, ns: string, name: string) {
    return `${kind}\u0000${ns}\u0000${name}`;
  }

  /** All objects of a kind, optionally in one namespace. */
  list(kind: string, namespace?: string): KubeObject[] {
    if (namespace === undefined) return this.byKind.get(kind) ?? [];
    return this.byKindNs.get(`${kind}\u0000${namespace}`) ?? [];
  }

  /** One object by kind, namespace (ignored for cluster-scoped kinds) and name. */
  get(
    kind: string,
    namespace: string,
    name: string | undefined,
  ): KubeObject | undefined {
    if (!name) return undefined;
    return this.byKey.get(
      ObjectIndex.key(kind, isClusterScoped(kind) ? '' : namespace, name),
    );
  }

  /** True when the input holds any object of the kind. */
  has(kind: string): boolean {
    return (this.byKind.get(kind)?.length ?? 0) > 0;
  }
}
