import { parseEntityRef } from '@backstage/catalog-model';

/** `user:default/dave` → `dave`, `component:team-a/web` → `team-a/web`: refs as people read them. */
export function shortRef(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}
