import { KubeObject } from '../model/kube';

/** A container as the engine reads it. */
export interface Container {
  name?: string;
  image?: string;
  ports?: Array<{
    containerPort?: number;
    name?: string;
    hostPort?: number;
    protocol?: string;
  }>;
  env?: Array<{ name?: string; value?: string; valueFrom?: any }>;
  envFrom?: Array<{
    configMapRef?: { name?: string };
    secretRef?: { name?: string };
  }>;
  volumeMounts?: Array<{
    name?: string;
    mountPath?: string;
    subPath?: string;
    readOnly?: boolean;
  }>;
  readinessProbe?: unknown;
  resources?: {
    requests?: Record<string, unknown>;
    limits?: Record<string, unknown>;
  };
  command?: string[];
  args?: string[];
}

/** The pod template of a workload (for a bare Pod: the Pod itself). */
export interface PodTemplate {
  metadata: {
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: any;
}

function isObject(x: unknown): boolean {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/** The pod template of a workload object, or undefined when it has none. */
export function podTemplateOf(obj: KubeObject): PodTemplate | undefined {
  const t = obj.kind === 'Pod' ? obj : obj.spec?.template;
  if (!t || typeof t !== 'object') return undefined;
  return {
    metadata: {
      labels: t.metadata?.labels ?? {},
      annotations: t.metadata?.annotations ?? {},
    },
    spec: t.spec ?? {},
  };
}

/**
 * The app containers of a pod spec (init containers are not serving).
 *
 * @public
 */
export function containersOf(spec: any): Container[] {
  return Array.isArray(spec?.containers)
    ? spec.containers.filter(isObject)
    : [];
}

/** The volumes of a pod spec. */
export function volumesOf(spec: any): any[] {
  return Array.isArray(spec?.volumes) ? spec.volumes.filter(isObject) : [];
}

/** The value of a literal env var of a container (undefined when unset or from a reference). */
export function envValue(c: Container, name: string): string | undefined {
  const e = (c.env ?? []).find(x => x?.name === name);
  return e?.value;
}

/** True when the container sets the env var at all (literal, fieldRef, or any reference). */
export function envDeclared(c: Container, name: string): boolean {
  return (c.env ?? []).some(x => x?.name === name);
}

/** Parses a Kubernetes quantity-or-percent (`25%`, `1`) against a total; percent rounds as Kubernetes does. */
export function resolveIntOrPercent(
  value: unknown,
  total: number,
  roundUp: boolean,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  const s = String(value).trim();
  const m = s.match(/^(\d+(?:\.\d+)?)%$/);
  if (m) {
    const raw = (Number(m[1]) * total) / 100;
    return roundUp ? Math.ceil(raw) : Math.floor(raw);
  }
  return /^\d+$/.test(s) ? Number(s) : undefined;
}
