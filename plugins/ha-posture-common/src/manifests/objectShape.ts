import { z } from 'zod';
import { KubeObject } from '../model/kube';
import { UNRENDERED_TEMPLATE_MESSAGE, isTemplateValue } from './templates';

/*
 * The fields the engine reads, with the Kubernetes API's types: what the API server would
 * refuse (a list where a map belongs, a map where a name belongs) is reported at the parsing
 * boundary instead of reaching a rule. Every field is optional (null counts as absent, as in
 * Kubernetes), objects keep their other fields. Numbers the API takes as int-or-string
 * accept both.
 */
const opt = <T extends z.ZodType>(t: T) => t.nullish();
const obj = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const list = <T extends z.ZodType>(t: T) => opt(z.array(t));
const str = opt(z.string());
const num = opt(z.number());
const scalar = opt(z.union([z.string(), z.number(), z.boolean()]));
const intOrString = opt(z.union([z.number(), z.string()]));
const strMap = opt(z.record(z.string(), z.string()));
const scalarMap = opt(
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
);

const labelSelector = opt(
  obj({
    matchLabels: strMap,
    matchExpressions: list(
      obj({ key: z.string(), operator: z.string(), values: list(z.string()) }),
    ),
  }),
);
const keyToPath = list(obj({ key: str, path: str }));
const probe = opt(obj({}));
const container = obj({
  name: str,
  image: str,
  command: list(scalar.unwrap().unwrap()),
  args: list(scalar.unwrap().unwrap()),
  ports: list(
    obj({ name: str, containerPort: num, hostPort: num, protocol: str }),
  ),
  env: list(
    obj({
      name: str,
      value: scalar,
      valueFrom: opt(
        obj({
          configMapKeyRef: opt(obj({ name: str, key: str })),
          secretKeyRef: opt(obj({ name: str, key: str })),
        }),
      ),
    }),
  ),
  envFrom: list(
    obj({
      configMapRef: opt(obj({ name: str })),
      secretRef: opt(obj({ name: str })),
    }),
  ),
  volumeMounts: list(obj({ name: str, mountPath: str, subPath: str })),
  readinessProbe: probe,
  livenessProbe: probe,
  startupProbe: probe,
  resources: opt(obj({ requests: scalarMap, limits: scalarMap })),
});
const volume = obj({
  name: str,
  configMap: opt(obj({ name: str, items: keyToPath })),
  secret: opt(obj({ secretName: str, items: keyToPath })),
  projected: opt(
    obj({
      sources: list(
        obj({
          configMap: opt(obj({ name: str, items: keyToPath })),
          secret: opt(obj({ name: str, items: keyToPath })),
        }),
      ),
    }),
  ),
  persistentVolumeClaim: opt(obj({ claimName: str })),
  nfs: opt(obj({ server: str, path: str })),
  hostPath: opt(obj({ path: str, type: str })),
});
const affinityTerm = obj({ topologyKey: str, labelSelector });
const podAffinity = opt(
  obj({
    requiredDuringSchedulingIgnoredDuringExecution: list(affinityTerm),
    preferredDuringSchedulingIgnoredDuringExecution: list(
      obj({ weight: num, podAffinityTerm: opt(affinityTerm) }),
    ),
  }),
);
const podSpec = opt(
  obj({
    containers: list(container),
    initContainers: list(container),
    volumes: list(volume),
    serviceAccountName: str,
    serviceAccount: str,
    nodeName: str,
    hostNetwork: opt(z.boolean()),
    nodeSelector: strMap,
    affinity: opt(obj({ podAntiAffinity: podAffinity, podAffinity })),
    topologySpreadConstraints: list(
      obj({
        maxSkew: num,
        topologyKey: str,
        whenUnsatisfiable: str,
        labelSelector,
      }),
    ),
  }),
);
const meta = opt(
  obj({
    name: str,
    namespace: str,
    uid: str,
    labels: strMap,
    annotations: strMap,
    ownerReferences: list(obj({ kind: str, name: str, uid: str })),
  }),
);
const podTemplate = opt(obj({ metadata: meta, spec: podSpec }));
const workloadSpec = obj({
  replicas: num,
  selector: labelSelector,
  template: podTemplate,
  serviceName: str,
  strategy: opt(
    obj({
      type: str,
      rollingUpdate: opt(
        obj({ maxUnavailable: intOrString, maxSurge: intOrString }),
      ),
    }),
  ),
  updateStrategy: opt(obj({ type: str })),
  volumeClaimTemplates: list(
    obj({
      metadata: meta,
      spec: opt(obj({ accessModes: list(z.string()), storageClassName: str })),
    }),
  ),
});
const backend = opt(
  obj({
    service: opt(
      obj({ name: str, port: opt(obj({ number: num, name: str })) }),
    ),
    serviceName: str,
    servicePort: intOrString,
  }),
);
const peer = obj({
  podSelector: labelSelector,
  namespaceSelector: labelSelector,
});
const policyPorts = list(obj({ port: intOrString, protocol: str }));

const BY_KIND: Record<string, z.ZodType> = {
  Pod: obj({ spec: podSpec, status: opt(obj({ conditions: list(obj({})) })) }),
  Deployment: obj({ spec: opt(workloadSpec) }),
  StatefulSet: obj({ spec: opt(workloadSpec) }),
  DaemonSet: obj({ spec: opt(workloadSpec) }),
  ReplicaSet: obj({ spec: opt(workloadSpec) }),
  Service: obj({
    spec: opt(
      obj({
        selector: strMap,
        clusterIP: str,
        type: str,
        ports: list(
          obj({ name: str, port: intOrString, targetPort: intOrString }),
        ),
      }),
    ),
  }),
  Ingress: obj({
    spec: opt(
      obj({
        defaultBackend: backend,
        backend,
        rules: list(
          obj({
            host: str,
            http: opt(obj({ paths: list(obj({ path: str, backend })) })),
          }),
        ),
      }),
    ),
  }),
  Route: obj({
    spec: opt(
      obj({
        to: opt(obj({ name: str })),
        alternateBackends: list(obj({ name: str })),
      }),
    ),
  }),
  PodDisruptionBudget: obj({
    spec: opt(
      obj({
        selector: labelSelector,
        minAvailable: intOrString,
        maxUnavailable: intOrString,
      }),
    ),
  }),
  NetworkPolicy: obj({
    spec: opt(
      obj({
        podSelector: labelSelector,
        policyTypes: list(z.string()),
        ingress: list(obj({ from: list(peer), ports: policyPorts })),
        egress: list(obj({ to: list(peer), ports: policyPorts })),
      }),
    ),
  }),
  HorizontalPodAutoscaler: obj({
    spec: opt(
      obj({
        scaleTargetRef: opt(obj({ kind: str, name: str })),
        minReplicas: num,
        maxReplicas: num,
      }),
    ),
  }),
  PersistentVolumeClaim: obj({
    spec: opt(
      obj({
        accessModes: list(z.string()),
        storageClassName: str,
        volumeName: str,
      }),
    ),
  }),
  PersistentVolume: obj({
    spec: opt(
      obj({
        accessModes: list(z.string()),
        storageClassName: str,
        claimRef: opt(obj({ name: str, namespace: str })),
        nfs: opt(obj({ server: str, path: str })),
        hostPath: opt(obj({ path: str })),
      }),
    ),
  }),
  StorageClass: obj({ provisioner: str, parameters: strMap }),
  RoleBinding: obj({
    subjects: list(obj({ kind: str, name: str, namespace: str })),
    roleRef: opt(obj({ kind: str, name: str })),
  }),
  Role: obj({
    rules: list(
      obj({
        apiGroups: list(z.string()),
        resources: list(z.string()),
        verbs: list(z.string()),
        resourceNames: list(z.string()),
      }),
    ),
  }),
  ConfigMap: obj({ data: strMap }),
  Secret: obj({ data: strMap, stringData: strMap }),
};
BY_KIND.ClusterRoleBinding = BY_KIND.RoleBinding;
BY_KIND.ClusterRole = BY_KIND.Role;

const envelope = obj({ apiVersion: str, metadata: meta });

function where(path: PropertyKey[]): string {
  return path
    .map((p, i) =>
      typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`,
    )
    .join('');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

function expected(issue: z.core.$ZodIssue, actual: unknown): string {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_union')
    return issue.message;
  const want =
    issue.code === 'invalid_type'
      ? { array: 'a list', object: 'a map', record: 'a map' }[
          issue.expected as string
        ] ?? `a ${issue.expected}`
      : 'a number or a string';
  const quote =
    want === 'a string' &&
    (typeof actual === 'number' || typeof actual === 'boolean')
      ? ' (quote it)'
      : '';
  return `must be ${want}${quote}, not ${describe(actual)}`;
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const noChecks = (def: { checks?: unknown[] }) => !def.checks?.length;

type Check = (v: unknown) => boolean;
const checkers = new WeakMap<z.core.$ZodType, Check>();
const never: Check = () => false;

/** The check of one schema, built once from zod's definitions. */
function checker(schema: z.core.$ZodType): Check {
  let check = checkers.get(schema);
  if (!check) {
    check = build(schema._zod.def as any);
    checkers.set(schema, check);
  }
  return check;
}

function build(def: any): Check {
  switch (def.type) {
    case 'optional': {
      const inner = checker(def.innerType);
      return v => v === undefined || inner(v);
    }
    case 'nullable': {
      const inner = checker(def.innerType);
      return v => v === null || inner(v);
    }
    case 'string':
      return noChecks(def) ? v => typeof v === 'string' : never;
    case 'number':
      return noChecks(def)
        ? v => typeof v === 'number' && Number.isFinite(v)
        : never;
    case 'boolean':
      return v => typeof v === 'boolean';
    case 'unknown':
      return () => true;
    case 'union': {
      const options: Check[] = def.options.map(checker);
      return v => options.some(o => o(v));
    }
    case 'array': {
      if (!noChecks(def)) return never;
      const element = checker(def.element);
      return v => Array.isArray(v) && v.every(element);
    }
    case 'record': {
      const key = def.keyType._zod.def;
      if (key.type !== 'string' || !noChecks(key)) return never;
      const value = checker(def.valueType);
      return v => isMap(v) && Object.values(v).every(value);
    }
    case 'object': {
      if (
        !noChecks(def) ||
        (def.catchall !== undefined && def.catchall._zod.def.type !== 'unknown')
      )
        return never;
      // Most fields are absent from any one object: whether a field may be undefined or
      // null is answered once here, not by a call per field and object.
      const fields = Object.entries(
        def.shape as Record<string, z.core.$ZodType>,
      ).map(([k, s]) => {
        const check = checker(s);
        return { k, check, absent: check(undefined), isNull: check(null) };
      });
      return v => {
        if (!isMap(v)) return false;
        for (const f of fields) {
          const x = v[f.k];
          if (x === undefined) {
            if (!f.absent) return false;
          } else if (x === null) {
            if (!f.isNull) return false;
          } else if (!f.check(x)) return false;
        }
        return true;
      };
    }
    default:
      return never;
  }
}

/**
 * True when `v` certainly matches `schema`, decided by checks built once from zod's
 * definitions of the few types above, without zod's parse, which copies every object it
 * checks (most of a scan's time on large inputs). False when it may not match, or for a type
 * it does not know: zod then decides and names the problem.
 */
export function plainlyValid(schema: z.core.$ZodType, v: unknown): boolean {
  return checker(schema)(v);
}

/** The schemas an object of `kind` is checked against. */
export function shapeSchemas(kind: string): z.ZodType[] {
  return Object.hasOwn(BY_KIND, kind) ? [envelope, BY_KIND[kind]] : [envelope];
}

/**
 * Checks the fields the engine reads against their Kubernetes types. Returns what is wrong
 * (the field's path and the type it needs), or undefined.
 */
export function objectShapeError(o: KubeObject): string | undefined {
  for (const schema of shapeSchemas(o.kind ?? '')) {
    if (plainlyValid(schema, o)) continue;
    const r = schema.safeParse(o);
    if (!r.success) {
      const issue = r.error.issues[0];
      const actual = issue.path.reduce<any>((v, k) => v?.[k as any], o);
      if (isTemplateValue(actual))
        return `${where(issue.path)} is ${JSON.stringify(actual).slice(
          0,
          60,
        )}, which ${UNRENDERED_TEMPLATE_MESSAGE}`;
      return `${where(issue.path)} ${expected(issue, actual)}`;
    }
  }
  return undefined;
}
