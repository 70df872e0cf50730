import { KubeObject, namespaceOf } from '../model/kube';

/**
 * RoleBindings or ClusterRoleBindings by the service accounts their subjects may name, so
 * each workload looks up its own instead of testing every binding (linear grouping with
 * thousands of workloads and bindings). Callers still test the binding; order is the input's.
 */
export class BindingIndex {
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly bindings: KubeObject[]) {
    bindings.forEach((b, i) => {
      const bindingNs = namespaceOf(b);
      const subjects = (b as any).subjects;
      for (const s of Array.isArray(subjects) ? subjects : []) {
        if (s?.kind === 'ServiceAccount')
          this.add(`sa\u0000${s.namespace || bindingNs}\u0000${s.name}`, i);
        else if (s?.kind === 'Group' && s.name === 'system:serviceaccounts')
          this.add('all', i);
        else if (
          s?.kind === 'Group' &&
          typeof s.name === 'string' &&
          s.name.startsWith('system:serviceaccounts:')
        )
          this.add(
            `ns\u0000${s.name.slice('system:serviceaccounts:'.length)}`,
            i,
          );
      }
    });
  }

  private add(key: string, i: number) {
    const list = this.byKey.get(key);
    if (list) list.push(i);
    else this.byKey.set(key, [i]);
  }

  /** Bindings whose subjects may name service account `name` of namespace `ns`, in input order. */
  candidates(ns: string, name: string): KubeObject[] {
    if (this.byKey.size === 0) return [];
    const positions = new Set([
      ...(this.byKey.get(`sa\u0000${ns}\u0000${name}`) ?? []),
      ...(this.byKey.get('all') ?? []),
      ...(this.byKey.get(`ns\u0000${ns}`) ?? []),
    ]);
    return [...positions].sort((a, b) => a - b).map(i => this.bindings[i]);
  }
}
