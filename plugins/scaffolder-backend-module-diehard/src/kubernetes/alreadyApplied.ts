import { ManifestObject } from './bundle';
import { sameJson } from './sameJson';

/** A managedFields `fieldsV1` set: `f:<field>`, `k:<list key>`, `v:<set value>`, `.`. */
type FieldSet = { [path: string]: FieldSet };

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  subresource?: string;
  fieldsV1?: FieldSet;
}

/**
 * Whether server-side applying `manifest` as `fieldManager` would leave `live`
 * exactly as it is, proven from the live object alone: every field of the
 * manifest already holds the manifest's value, and the fields that manager owns
 * are exactly the manifest's (so the apply would neither set nor release any).
 * The server's own record of ownership (managedFields) says how each list merges
 * (by key, as a set, or whole), so no schema is needed.
 *
 * False means "not proven", never "changed": anything this does not follow
 * (an ambiguous list key, a quantity written another way, a null) is left to the
 * server's dry run. The server offers no cheaper way to ask "would this apply
 * change anything?" than the apply itself, which is why this exists.
 */
export function alreadyApplied(
  manifest: ManifestObject,
  live: ManifestObject,
  fieldManager: string,
): boolean {
  const { managedFields, deletionTimestamp } = live.metadata as {
    managedFields?: ManagedFieldsEntry[];
    deletionTimestamp?: string;
  };
  if (deletionTimestamp) return false;
  const {
    apiVersion: _apiVersion,
    kind: _kind,
    metadata,
    ...body
  } = manifest as Record<string, any>;
  // Name and namespace identify the object; they are never in a field set.
  const { name: _name, namespace: _namespace, ...ownMetadata } = metadata;
  const fields: Record<string, unknown> = { ...body };
  if (Object.keys(ownMetadata).length) fields.metadata = ownMetadata;

  const entries = (managedFields ?? []).filter(
    e =>
      e.manager === fieldManager && e.operation === 'Apply' && !e.subresource,
  );
  // A manager that owns nothing has no entry: a manifest of a name alone
  // (a bare ServiceAccount) changes nothing on an object that exists.
  if (entries.length === 0) return Object.keys(fields).length === 0;
  const [entry] = entries;
  if (
    entries.length > 1 ||
    entry.apiVersion !== manifest.apiVersion ||
    !entry.fieldsV1
  )
    return false;

  let current: Record<string, unknown> = live as Record<string, any>;
  if (manifest.kind === 'Secret' && fields.stringData !== undefined) {
    // The server folds stringData into data and keeps no stringData.
    const liveData = (live as { data?: Record<string, string> }).data ?? {};
    current = {
      ...current,
      stringData: Object.fromEntries(
        Object.entries(liveData).map(([k, v]) => [
          k,
          Buffer.from(v, 'base64').toString('utf8'),
        ]),
      ),
    };
  }
  return sameMap(fields, current, entry.fieldsV1);
}

/** A map (or struct) the manager owns field by field. */
function sameMap(
  wanted: Record<string, unknown>,
  live: unknown,
  owned: FieldSet,
): boolean {
  if (!isObject(live)) return false;
  const ownedFields = Object.keys(owned).filter(p => p !== '.');
  const keys = Object.keys(wanted);
  if (ownedFields.length !== keys.length) return false;
  return keys.every(key => {
    const set = owned[`f:${key}`];
    return !!set && sameValue(wanted[key], live[key], set);
  });
}

function sameValue(wanted: unknown, live: unknown, owned: FieldSet): boolean {
  if (wanted === null || wanted === undefined) return false;
  const granular = Object.keys(owned).length > 0;
  // A scalar, or an atomic map, struct or list: owned whole, equal whole.
  if (!granular) return sameJson(wanted, live);
  if (Array.isArray(wanted)) return sameList(wanted, live, owned);
  if (isObject(wanted)) return sameMap(wanted, live, owned);
  return false;
}

/** A list merged by key (`k:`) or as a set (`v:`). */
function sameList(wanted: unknown[], live: unknown, owned: FieldSet): boolean {
  if (!Array.isArray(live)) return false;
  const paths = Object.keys(owned);
  if (paths.length !== wanted.length) return false;
  if (paths.every(p => p.startsWith('v:'))) {
    const values = new Set(paths.map(p => p.slice(2)));
    const positions = wanted.map(w => live.findIndex(l => sameJson(l, w)));
    return (
      wanted.every(w => values.has(JSON.stringify(w))) &&
      new Set(wanted.map(w => JSON.stringify(w))).size === wanted.length &&
      inOrder(positions)
    );
  }
  if (!paths.every(p => p.startsWith('k:'))) return false;
  const keys = paths.map(p => ({
    path: p,
    key: JSON.parse(p.slice(2)) as Record<string, unknown>,
  }));
  const positions: number[] = [];
  const used = new Set<string>();
  for (const item of wanted) {
    if (!isObject(item)) return false;
    // A key field the manifest leaves out is one the server defaulted
    // (a port's protocol): the item must still match exactly one owned key.
    const matches = keys.filter(({ key }) =>
      Object.entries(key).every(
        ([f, v]) => item[f] === undefined || sameJson(item[f], v),
      ),
    );
    if (matches.length !== 1 || used.has(matches[0].path)) return false;
    const { path, key } = matches[0];
    used.add(path);
    const at = live.findIndex(
      l =>
        isObject(l) && Object.entries(key).every(([f, v]) => sameJson(l[f], v)),
    );
    if (at < 0 || !sameMap(item, live[at], owned[path])) return false;
    positions.push(at);
  }
  return inOrder(positions);
}

/** The manifest's items appear in the live list in the manifest's order. */
function inOrder(positions: number[]): boolean {
  return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
