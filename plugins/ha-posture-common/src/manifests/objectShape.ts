import { KubeObject } from '../model/kube';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function stringMap(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return `${path} must be a map of strings`;
  for (const [k, v] of Object.entries(value))
    if (typeof v !== 'string')
      return `${path}.${k} must be a string (quote it), not ${describe(v)}`;
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

/**
 * Checks the fields of an object's envelope that the engine reads as text, with the
 * Kubernetes API's own types: what the API server would reject is reported, not evaluated.
 * Returns what is wrong, or undefined.
 */
export function objectShapeError(obj: KubeObject): string | undefined {
  if (obj.apiVersion !== undefined && typeof obj.apiVersion !== 'string')
    return `apiVersion must be a string, not ${describe(obj.apiVersion)}`;
  const meta = obj.metadata as unknown;
  if (meta === undefined || meta === null) return undefined;
  if (!isRecord(meta)) return `metadata must be a map, not ${describe(meta)}`;
  for (const field of ['name', 'namespace', 'uid'] as const) {
    const v = meta[field];
    if (v !== undefined && v !== null && typeof v !== 'string')
      return `metadata.${field} must be a string, not ${describe(v)}`;
  }
  const labels = stringMap(meta.labels, 'metadata.labels');
  if (labels) return labels;
  const annotations = stringMap(meta.annotations, 'metadata.annotations');
  if (annotations) return annotations;
  if (
    meta.ownerReferences !== undefined &&
    !Array.isArray(meta.ownerReferences)
  )
    return 'metadata.ownerReferences must be a list';
  return undefined;
}
