import { msg } from './messages/format';
import { z } from 'zod';
import { evaluateCluster, CLUSTER_CHECKS } from './cluster/controlPlane';
import { ObjectIndex } from './grouping/ObjectIndex';
import { aroundOf } from './grouping/around';
import { groupWorkloads } from './grouping/groupWorkloads';
import { Workload } from './grouping/workload';
import { containersOf } from './kube/podSpec';
import { Finding } from './model/finding';
import { KubeObject, namespaceOf, refOf } from './model/kube';
import { PostureReport, WorkloadReport } from './model/report';
import { WORKLOAD_RULES } from './rules';
import {
  brokenBackend,
  brokenBackendEvidence,
  brokenBackends,
} from './rules/IngressBackendRule';
import {
  nfs,
  remediation as nfsRemediation,
  spof as nfsSpof,
  unmountedNfsClaims,
} from './rules/NfsRule';
import {
  FindingTexts,
  PostureRule,
  RuleCheck,
  findingTexts,
} from './rules/rule';
import { withRuleMessages } from './rules/ruleMessages';
import { grade } from './score/grade';
import { serviceReports } from './score/serviceReports';
import {
  ConfigFile,
  isTomcatContainer,
  mountedFiles,
} from './tomcat/configFiles';

/** The catalog entity, as far as the engine reads it. */
const entitySchema = z.looseObject({
  metadata: z.looseObject({
    name: z.string(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
});

/**
 * Input of {@link evaluatePosture}, validated at the edge.
 *
 * @public
 */
export const postureInputSchema = z.object({
  objects: z.array(z.unknown()),
  entity: entitySchema.optional(),
  files: z
    .union([
      z.array(z.object({ path: z.string(), content: z.string() })),
      z.record(z.string(), z.string()),
    ])
    .optional(),
});

/**
 * Input of {@link evaluatePosture}.
 *
 * @public
 */
export interface PostureInput {
  /** Kubernetes objects from manifests or a live cluster (pods, nodes and endpoints included). */
  objects: unknown[];
  /** The catalog entity the objects belong to: its name names the service. */
  entity?: {
    metadata: {
      name: string;
      annotations?: Record<string, string>;
      [k: string]: unknown;
    };
    [k: string]: unknown;
  };
  /** Files next to the manifests (server.xml, context.xml, web.xml), by path. */
  files?: Array<{ path: string; content: string }> | Record<string, string>;
}

/**
 * How {@link evaluatePosture} runs, beyond its input.
 *
 * @public
 */
export interface EvaluateOptions {
  /** Rules added to the engine's own (a company's checks), run on every workload after them. */
  rules?: PostureRule[];
}

const orphanService: RuleCheck = {
  id: 'ingress-service-selects-nothing',
  category: 'ingress',
  severity: 'warning',
  title: 'Service selects no workload',
};

/**
 * Every check the engine can report, workload, object and cluster level: for SARIF rule tables and docs.
 *
 * @public
 */
export const ALL_CHECKS: RuleCheck[] = [
  ...WORKLOAD_RULES.flatMap(r => r.checks),
  orphanService,
  ...CLUSTER_CHECKS,
];

/** The file name of a path, `/` or `\\` separated. */
function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

function serviceName(w: Workload, entityName?: string): string {
  if (entityName) return entityName;
  const l = {
    ...(w.object.metadata?.labels ?? {}),
    ...w.template.metadata.labels,
  };
  return (
    l['app.kubernetes.io/part-of'] ??
    l['app.kubernetes.io/instance'] ??
    w.namespace
  );
}

function objectEntry(
  obj: KubeObject,
  service: string,
  findings: Finding[],
): WorkloadReport {
  const g = grade(findings);
  return {
    kind: obj.kind ?? 'Unknown',
    namespace: namespaceOf(obj),
    name: obj.metadata?.name ?? '(unnamed)',
    service,
    grade: g.grade,
    score: g.score,
    replicas: 0,
    findings,
  };
}

function objectFinding(
  check: RuleCheck,
  objects: KubeObject[],
  texts: FindingTexts,
): Finding {
  return {
    rule: check.id,
    category: check.category,
    severity: check.severity,
    ...findingTexts(texts),
    objects: objects.map(refOf),
  };
}

/**
 * Evaluates the HA posture of a set of Kubernetes objects: groups them into workloads, runs
 * every rule, grades each workload and service, and lists cluster (control-plane) findings.
 * Isomorphic: the backend, the frontend, the scaffolder gate and the CLI all call it.
 *
 * @public
 */
export function evaluatePosture(
  input: PostureInput,
  options: EvaluateOptions = {},
): PostureReport {
  const rules = [...WORKLOAD_RULES, ...(options.rules ?? [])];
  const parsed = postureInputSchema.parse(input);
  const objects = parsed.objects.filter(
    (o): o is KubeObject =>
      !!o &&
      typeof o === 'object' &&
      typeof (o as KubeObject).kind === 'string',
  );
  const index = new ObjectIndex(objects);
  const grouping = groupWorkloads(index);
  const { workloads, orphanServices } = grouping;
  const entityName = parsed.entity?.metadata.name;
  const extraFiles: ConfigFile[] = Array.isArray(parsed.files)
    ? parsed.files.map(f => ({ ...f, origin: f.path }))
    : Object.entries(parsed.files ?? {}).map(([path, content]) => ({
        path,
        content,
        origin: path,
      }));

  const extraNames = extraFiles.map(f => baseName(f.path));
  const reports: WorkloadReport[] = [];
  for (const w of workloads) {
    const service = serviceName(w, entityName);
    const containers = containersOf(w.template.spec);
    const mounted = containers.flatMap(c => mountedFiles(w, c, index));
    let files = mounted;
    if (extraFiles.length > 0 && containers.some(isTomcatContainer)) {
      // Files next to the manifests stand in for what a Tomcat container does not mount itself.
      const mountedNames = new Set(mounted.map(f => baseName(f.path)));
      files = [
        ...mounted,
        ...extraFiles.filter((_, i) => !mountedNames.has(extraNames[i])),
      ];
    }
    const findings: Finding[] = [];
    for (const rule of rules) {
      const found = rule.evaluate({
        workload: w,
        workloads,
        index,
        grouping,
        service,
        files,
      });
      findings.push(
        ...(rule.messages ? withRuleMessages(found, rule.messages) : found),
      );
    }
    const g = grade(findings);
    reports.push({
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      service,
      grade: g.grade,
      score: g.score,
      replicas: w.replicas,
      findings,
      around: aroundOf(w, index, grouping, files),
    });
  }

  // Objects that belong to no workload: reported at object level.
  const routed = new Set(workloads.flatMap(w => w.ingresses));
  for (const kind of ['Ingress', 'Route']) {
    for (const ing of index.list(kind)) {
      if (routed.has(ing)) continue;
      const broken = brokenBackends(ing, index, grouping);
      if (broken.length === 0) continue;
      reports.push(
        objectEntry(
          ing,
          entityName ?? namespaceOf(ing),
          broken.map(b =>
            objectFinding(brokenBackend, [ing], {
              message: msg('ingress-backend-broken.object.message', {
                kind,
                ingress: `${ing.metadata?.name}`,
                backend: b.service,
                reason: b.why,
              }),
              evidence: brokenBackendEvidence(b),
              remediation: msg('ingress-backend-broken.object.remediation'),
            }),
          ),
        ),
      );
    }
  }
  for (const svc of orphanServices) {
    reports.push(
      objectEntry(svc, entityName ?? namespaceOf(svc), [
        objectFinding(orphanService, [svc], {
          message: msg('ingress-service-selects-nothing.message', {
            serviceName: `${svc.metadata?.name}`,
            selector: `${JSON.stringify(svc.spec?.selector)}`,
          }),
          evidence: `spec.selector: ${JSON.stringify(svc.spec?.selector)}`,
          remediation: msg('ingress-service-selects-nothing.remediation'),
        }),
      ]),
    );
  }
  for (const { claim, pv, server } of unmountedNfsClaims(index, workloads)) {
    const service = entityName ?? namespaceOf(claim);
    reports.push(
      objectEntry(claim, service, [
        objectFinding(nfs, [claim, pv], {
          message: msg('storage-nfs-single-host.claim.message', {
            claim: `${claim.metadata?.name}`,
            pv: `${pv.metadata?.name}`,
            server,
          }),
          evidence: `PersistentVolume ${pv.metadata?.name} spec.nfs.server: ${server}`,
          remediation: nfsRemediation(server),
          spof: nfsSpof(server, service),
        }),
      ]),
    );
  }

  reports.sort(
    (a, b) =>
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name) ||
      a.kind.localeCompare(b.kind),
  );

  const cluster = evaluateCluster(index, workloads);
  return { workloads: reports, cluster, services: serviceReports(reports) };
}
