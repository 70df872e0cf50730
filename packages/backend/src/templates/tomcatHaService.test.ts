import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import {
  manifestsOf,
  readTemplate,
  writeFiles,
} from './__testUtils__/scaffolderDryRun';
import { oneOf } from './__testUtils__/labConfig';
import {
  itRefusesBadInput,
  useRenderedOnLab,
} from './__testUtils__/renderedOnLab';
import { postureOf, tomcatFiles } from './__testUtils__/posture';
import { tomcatHaServiceValues } from './__testUtils__/tomcatHaServiceValues';

// Cold: the lab's Kubernetes may have to start, and Maven may download its plugins.
jest.setTimeout(900_000);

const TEMPLATE = 'tomcat-ha-service';

/** What a developer types into the form (with the form's defaults). */
const form = {
  ...tomcatHaServiceValues('todo-web'),
  // What XML and YAML give a meaning to, as a developer may well type it.
  description: 'Todos & notes <v2>: "always" on',
  system: 'system:default/eni-todo',
};

const onLab = useRenderedOnLab(TEMPLATE, form);

const one = (kind: string) => oneOf(onLab.objects, kind);

const file = (p: string) => {
  const content = onLab.rendered.files.get(p);
  if (content === undefined) throw new Error(`${p} was not generated`);
  return content;
};

/** A valid form with one field changed. */
const withField = (field: string, value: unknown) => ({
  ...form,
  [field]: value,
});

/** The template without its gate and build/deploy steps: renders weak inputs for the engine. */
function renderOnlyTemplate() {
  const t = readTemplate(TEMPLATE);
  delete t.spec.parameters[1].properties.replicas.minimum;
  t.spec.steps = t.spec.steps.filter((s: any) => s.id === 'fetch');
  return t;
}

describe('tomcat-ha-service through the real scaffolder', () => {
  it('runs every step: posture gate A, server dry-run accepted by the lab API server', () => {
    const log = onLab.rendered.log.join('\n');
    expect(log).toContain(
      'target: cluster "lab" (HA lab), namespace "diehard-apps" is open to this task',
    );
    expect(log).toMatch(/HA posture grade A \(100\/100\), minimum A: passed/);
    // diehard:kubernetes:apply ran a server-side dry run of the whole bundle on the lab,
    // with the portal's token: the RoleBinding of the bundle's own Role is checked
    // once that Role exists (RBAC refuses to bind a Role it cannot see yet).
    expect(log).toMatch(/server dry-run accepted 9 object\(s\)/);
    expect(log).toMatch(/dry run: would apply to cluster "lab": 10 created/);
    // The deployed image is the pushed digest, not the tag.
    expect(log).toContain(
      `container tomcat: ${onLab.registryHost}/apps/todo-web:0.1.0 → ${onLab.registryHost}/apps/todo-web@sha256:`,
    );
    expect(onLab.rendered.body.output.text[0].content).toMatch(
      /^Grade A \(100\/100\)/,
    );
    expect(onLab.rendered.body.output.links[0].url).toBe(
      'http://127.0.0.1:18081/git/dev-team/todo-web.git',
    );
  });

  it('generates the project the issue lists', () => {
    expect([...onLab.rendered.files.keys()].sort()).toEqual([
      '.dockerignore',
      '.gitignore',
      '.gitlab-ci.yml',
      'Dockerfile',
      'README.fr.md',
      'README.md',
      'catalog-info.yaml',
      'k8s/deployment.yaml',
      'k8s/hpa.yaml',
      'k8s/ingress.yaml',
      'k8s/networkpolicy.yaml',
      'k8s/pdb.yaml',
      'k8s/pvc.yaml',
      'k8s/role.yaml',
      'k8s/service.yaml',
      'k8s/serviceaccount.yaml',
      'pom.xml',
      'src/main/java/io/diehard/todo/App.java',
      'src/main/java/io/diehard/todo/AttachmentServlet.java',
      'src/main/java/io/diehard/todo/AttachmentStore.java',
      'src/main/java/io/diehard/todo/DatabaseSettings.java',
      'src/main/java/io/diehard/todo/HealthServlet.java',
      'src/main/java/io/diehard/todo/Html.java',
      'src/main/java/io/diehard/todo/Readiness.java',
      'src/main/java/io/diehard/todo/SessionServlet.java',
      'src/main/java/io/diehard/todo/SessionVisits.java',
      'src/main/java/io/diehard/todo/Todo.java',
      'src/main/java/io/diehard/todo/TodoRepository.java',
      'src/main/java/io/diehard/todo/TodoServlet.java',
      'src/main/webapp/META-INF/context.xml',
      'src/main/webapp/WEB-INF/web.xml',
      'src/test/java/io/diehard/todo/AttachmentStoreTest.java',
      'src/test/java/io/diehard/todo/DatabaseSettingsTest.java',
      'src/test/java/io/diehard/todo/SessionVisitsTest.java',
      'src/test/java/io/diehard/todo/TodoRepositoryTest.java',
      'tomcat/conf/server.xml',
    ]);
    // Nothing left unrendered.
    for (const [p, content] of onLab.rendered.files) {
      expect({ p, leftover: /\$\{\{|\{%/.test(content) }).toEqual({
        p,
        leftover: false,
      });
    }
    // What the developer typed stays text in the pom (mvn -B verify reads it below).
    expect(file('pom.xml')).toContain(
      '<description>Todos &amp; notes &lt;v2&gt;: &quot;always&quot; on</description>',
    );
  });

  it('Deployment: 3 replicas, one per node, spread over zones, probed, bounded, drained gently', () => {
    const d = one('Deployment');
    const pod = d.spec.template.spec;
    const labels = d.spec.template.metadata.labels;
    expect(d.metadata.namespace).toBe('diehard-apps');
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    const [anti] =
      pod.affinity.podAntiAffinity
        .requiredDuringSchedulingIgnoredDuringExecution;
    expect(anti.topologyKey).toBe('kubernetes.io/hostname');
    expect(labels).toMatchObject(anti.labelSelector.matchLabels);
    const spread = Object.fromEntries(
      pod.topologySpreadConstraints.map((c: any) => [c.topologyKey, c]),
    );
    expect(Object.keys(spread).sort()).toEqual([
      'kubernetes.io/hostname',
      'topology.kubernetes.io/zone',
    ]);
    for (const c of pod.topologySpreadConstraints) {
      expect(labels).toMatchObject(c.labelSelector.matchLabels);
    }
    expect(pod.serviceAccountName).toBe('todo-web');
    expect(pod.securityContext.runAsNonRoot).toBe(true);

    const [c] = pod.containers;
    expect(c.image).toBe(`${onLab.registryHost}/apps/todo-web:0.1.0`);
    expect(c.ports.map((p: any) => p.containerPort).sort()).toEqual([
      4000, 8080,
    ]);
    expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(c.livenessProbe.httpGet.path).toBe('/health/live');
    expect(c.startupProbe.httpGet.path).toBe('/health/live');
    expect(c.resources.requests).toEqual({ cpu: '250m', memory: '512Mi' });
    expect(c.resources.limits.memory).toBe('1Gi');
    expect(c.lifecycle.preStop.exec.command).toEqual(['sh', '-c', 'sleep 15']);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(15);

    const env = Object.fromEntries(c.env.map((e: any) => [e.name, e]));
    expect(env.KUBERNETES_NAMESPACE.valueFrom.fieldRef.fieldPath).toBe(
      'metadata.namespace',
    );
    // The membership selector matches the pods' own labels.
    const [key, value] = env.KUBERNETES_LABELS.value.split('=');
    expect(labels[key]).toBe(value);
    expect(env.DB_URL.value).toBe(
      'jdbc:mariadb:sequential://galera-0.galera:3306,galera-1.galera:3306,galera-2.galera:3306/todo?connectTimeout=3000&transactionReplay=true',
    );
    for (const k of ['DB_USER', 'DB_PASSWORD']) {
      expect(env[k].valueFrom.secretKeyRef.name).toBe(
        'todo-web-db-credentials',
      );
    }
    expect(pod.volumes).toEqual([
      {
        name: 'attachments',
        persistentVolumeClaim: { claimName: 'todo-web-attachments' },
      },
    ]);
  });

  it('Service, Ingress with TLS and cookie affinity, RWX PVC on the NFS class, PDB, HPA', () => {
    const labels = one('Deployment').spec.template.metadata.labels;
    const svc = one('Service');
    expect(labels).toMatchObject(svc.spec.selector);
    expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 'http' });

    const ing = one('Ingress');
    expect(ing.spec.tls).toEqual([
      { hosts: ['todo-web.apps.example.org'], secretName: 'todo-tls' },
    ]);
    expect(
      ing.metadata.annotations['nginx.ingress.kubernetes.io/affinity'],
    ).toBe('cookie');
    expect(ing.spec.rules[0].http.paths[0].backend.service.name).toBe(
      svc.metadata.name,
    );

    const pvc = one('PersistentVolumeClaim');
    expect(pvc.spec).toMatchObject({
      accessModes: ['ReadWriteMany'],
      storageClassName: 'nfs-ha',
      resources: { requests: { storage: '5Gi' } },
    });

    const pdb = one('PodDisruptionBudget');
    expect(pdb.spec.maxUnavailable).toBe(1);
    expect(labels).toMatchObject(pdb.spec.selector.matchLabels);

    const hpa = one('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'todo-web',
    });
    expect(hpa.spec.minReplicas).toBe(3);
    expect(hpa.spec.maxReplicas).toBe(6);
  });

  it('NetworkPolicy: in from the ingress controller and its own pods; out to replication, Galera, DNS and the API only', () => {
    const np = one('NetworkPolicy');
    const own = { 'app.kubernetes.io/name': 'todo-web' };
    expect(np.spec.podSelector.matchLabels).toEqual(own);
    expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    const ports = (rule: any) =>
      rule.ports.map((p: any) => `${p.port}/${p.protocol}`);
    expect(np.spec.ingress.map((r: any) => [r.from, ports(r)])).toEqual([
      [
        [
          {
            namespaceSelector: {
              matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' },
            },
          },
        ],
        ['8080/TCP'],
      ],
      [[{ podSelector: { matchLabels: own } }], ['4000/TCP']],
    ]);
    expect(np.spec.egress.map((r: any) => [r.to, ports(r)])).toEqual([
      [[{ podSelector: { matchLabels: own } }], ['4000/TCP']],
      [
        [
          {
            podSelector: {
              matchLabels: { 'app.kubernetes.io/name': 'galera' },
            },
          },
        ],
        ['3306/TCP'],
      ],
      [
        [
          {
            namespaceSelector: {
              matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
            },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ['53/UDP', '53/TCP'],
      ],
      // Membership lists pods through the API server (narrowed by apiServerCidr when configured).
      [undefined, ['443/TCP', '6443/TCP']],
    ]);
  });

  it('membership RBAC: the ServiceAccount may get and list pods in its namespace, nothing more', () => {
    const sa = one('ServiceAccount');
    const role = one('Role');
    const binding = one('RoleBinding');
    expect(role.metadata.namespace).toBe('diehard-apps');
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
    ]);
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: role.metadata.name,
    });
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: sa.metadata.name,
        namespace: 'diehard-apps',
      },
    ]);
  });

  it('Tomcat: SimpleTcpCluster, Kubernetes cloud membership, DeltaManager, ReplicationValve, receiver 4000; <distributable/>', () => {
    const server = file('tomcat/conf/server.xml');
    expect(server).toMatch(
      /<Cluster className="org\.apache\.catalina\.ha\.tcp\.SimpleTcpCluster"/,
    );
    expect(server).toMatch(
      /<Membership className="org\.apache\.catalina\.tribes\.membership\.cloud\.CloudMembershipService"\s+membershipProviderClassName="org\.apache\.catalina\.tribes\.membership\.cloud\.KubernetesMembershipProvider"\/>/,
    );
    expect(server).toMatch(
      /<Manager className="org\.apache\.catalina\.ha\.session\.DeltaManager"/,
    );
    expect(server).not.toMatch(/BackupManager/);
    expect(server).toMatch(
      /<Valve className="org\.apache\.catalina\.ha\.tcp\.ReplicationValve"/,
    );
    expect(server).toMatch(
      /<Receiver className="org\.apache\.catalina\.tribes\.transport\.nio\.NioReceiver"[^>]*port="4000"/,
    );
    expect(file('src/main/webapp/WEB-INF/web.xml')).toMatch(
      /^\s*<distributable\/>/m,
    );
    // No <Manager> in context.xml (outside comments) to override the cluster's.
    expect(
      file('src/main/webapp/META-INF/context.xml').replace(
        /<!--[\s\S]*?-->/g,
        '',
      ),
    ).not.toMatch(/<Manager/);
    expect(file('src/main/java/io/diehard/todo/SessionVisits.java')).toMatch(
      /class SessionVisits implements Serializable/,
    );
  });

  it('keeps credentials out of the repository: a Secret reference, no Secret object, no password', () => {
    expect(onLab.objects.filter(o => o.kind === 'Secret')).toEqual([]);
    const env = one('Deployment').spec.template.spec.containers[0].env;
    for (const e of env.filter((x: any) =>
      /USER|PASSWORD|SECRET|TOKEN/.test(x.name),
    )) {
      expect({ name: e.name, from: Object.keys(e.valueFrom ?? {}) }).toEqual({
        name: e.name,
        from: ['secretKeyRef'],
      });
    }
    const dsn = env.find((e: any) => e.name === 'DB_URL').value;
    expect(dsn).not.toMatch(/@|password=|user=/i);
    // The README shows how to create the Secret, with placeholders only.
    expect(file('README.md')).toContain(
      'create secret generic todo-web-db-credentials \\\n  --from-literal=username=… --from-literal=password=…',
    );
  });

  it('Dockerfile: multi-stage, Tomcat 10.1 base from the configured registry, non-root', () => {
    const dockerfile = file('Dockerfile');
    expect(dockerfile).toContain(`ARG REGISTRY=${onLab.registryHost}`);
    const froms = dockerfile.match(/^FROM .*$/gm);
    expect(froms).toEqual([
      'FROM ${REGISTRY}/platform/maven:3.8-openjdk-17 AS build',
      'FROM ${REGISTRY}/platform/tomcat:10.1-jre17',
    ]);
    expect(dockerfile).toMatch(/^COPY --from=build .*ROOT\.war/m);
    expect(dockerfile).toMatch(/^USER 10001:10001$/m);
    expect(dockerfile).toMatch(/^EXPOSE 8080 4000$/m);
  });

  it('catalog-info.yaml: Kubernetes plugin and Diehard annotations', () => {
    const entity = YAML.parse(file('catalog-info.yaml'));
    expect(entity).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'todo-web',
        description: form.description,
        annotations: {
          'backstage.io/kubernetes-id': 'todo-web',
          'backstage.io/kubernetes-namespace': 'diehard-apps',
          'diehard.io/manifests-path': '.',
        },
      },
      spec: {
        type: 'service',
        owner: 'group:default/dev-team',
        system: 'system:default/eni-todo',
        dependsOn: ['resource:galera'],
      },
    });
    // Every object carries the label the Kubernetes plugin looks for.
    for (const o of onLab.objects) {
      expect(o.metadata.labels['backstage.io/kubernetes-id']).toBe('todo-web');
    }
  });

  it('CI pipeline: builds and tests, scans the posture, pushes', () => {
    const ci = YAML.parse(file('.gitlab-ci.yml'));
    expect(ci.stages).toEqual(['build', 'posture', 'push']);
    expect(ci.build.script).toEqual(['mvn -B verify']);
    expect(ci.posture.script.join('\n')).toMatch(
      /diehard-posture scan k8s\/ .*--fail-on warning/,
    );
    expect(ci.push.script.join('\n')).toMatch(/buildah push/);
    expect(ci.variables.REGISTRY).toBe(onLab.registryHost);
  });

  it('the posture engine grades the generated service A with no critical or warning finding', () => {
    const report = postureOf(
      onLab.objects,
      tomcatFiles(onLab.rendered.files),
      'todo-web',
    );
    expect(report.services.map(s => [s.name, s.grade])).toEqual([
      ['todo-web', 'A'],
    ]);
    const serious = report.workloads.flatMap(w =>
      w.findings.filter(f => f.severity !== 'info'),
    );
    expect(serious).toEqual([]);
    expect(report.workloads.map(w => [w.kind, w.name, w.replicas])).toEqual([
      ['Deployment', 'todo-web', 3],
    ]);
  });

  it('BackupManager, 2 replicas and a 5-node Galera render and pass the gate too', async () => {
    const r = await onLab.scaffolder.dryRun(TEMPLATE, {
      ...form,
      name: 'todo-backup',
      sessionManager: 'BackupManager',
      replicas: 2,
      galeraNodes: 5,
    });
    expect(r.status).toBe(200);
    expect(r.log.join('\n')).toMatch(
      /HA posture grade A \(100\/100\), minimum A: passed/,
    );
    const server = r.files.get('tomcat/conf/server.xml')!;
    expect(server).toMatch(
      /<Manager className="org\.apache\.catalina\.ha\.session\.BackupManager"/,
    );
    expect(server).not.toMatch(/DeltaManager"/);
    const objs = manifestsOf(r.files, 'k8s');
    expect(
      objs.find(o => o.kind === 'HorizontalPodAutoscaler').spec.minReplicas,
    ).toBe(2);
    const env = objs.find(o => o.kind === 'Deployment').spec.template.spec
      .containers[0].env;
    expect(env.find((e: any) => e.name === 'DB_URL').value).toMatch(
      /^jdbc:mariadb:sequential:\/\/galera-0\.galera:3306,(galera-\d\.galera:3306,){3}galera-4\.galera:3306\/todo/,
    );
  });

  itRefusesBadInput(onLab, TEMPLATE, form, [
    ['replicas', 1, /instance\.replicas must be greater than or equal to 2/],
    ['replicas', 13, /instance\.replicas must be less than or equal to 12/],
    ['name', 'Todo_Web', /instance\.name does not match pattern/],
    [
      'galeraNodes',
      4,
      /instance\.galeraNodes is not one of enum values: 3,5,7/,
    ],
    [
      'sessionManager',
      'StandardManager',
      /instance\.sessionManager is not one of enum values/,
    ],
    [
      'ingressHost',
      'not a host',
      /instance\.ingressHost does not match pattern/,
    ],
    ['storageSize', '5 GB', /instance\.storageSize does not match pattern/],
  ]);

  it('with replicas 1 (form validation bypassed) the posture gate fails the run, and the engine says why', async () => {
    const weak = readTemplate(TEMPLATE);
    delete weak.spec.parameters[1].properties.replicas.minimum;
    const gated = await onLab.scaffolder.dryRun(
      TEMPLATE,
      withField('replicas', 1),
      {
        template: weak,
      },
    );
    expect(gated.status).toBe(500);
    expect(gated.body.error.name).toBe('PostureGateError');
    expect(gated.body.error.message).toMatch(
      /^HA posture grade [B-F] is below the minimum A \(Deployment diehard-apps\/todo-web [B-F]\)/,
    );

    // The same render without the gate: what the gate's log says, from the engine itself.
    const r = await onLab.scaffolder.dryRun(
      TEMPLATE,
      withField('replicas', 1),
      {
        template: renderOnlyTemplate(),
      },
    );
    expect(r.status).toBe(200);
    const report = postureOf(
      manifestsOf(r.files, 'k8s'),
      tomcatFiles(r.files),
      'todo-web',
    );
    const critical = report.workloads
      .flatMap(w => w.findings)
      .filter(f => f.severity === 'critical');
    expect(critical.map(f => f.category)).toContain('replicas');
    expect(critical.find(f => f.category === 'replicas')!.message).toMatch(
      /todo-web/,
    );
    expect(report.services[0].grade).not.toBe('A');
  });

  it('the generated Maven project builds and its unit tests pass (mvn -B verify)', () => {
    const dir = fs.mkdtempSync(
      path.join(os.tmpdir(), 'diehard-tomcat-ha-service-'),
    );
    try {
      writeFiles(dir, onLab.rendered.files);
      const started = Date.now();
      const mvn = spawnSync('mvn', ['-B', '-q', 'verify'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 600_000,
      });
      if (mvn.status !== 0) {
        throw new Error(
          `mvn -B verify failed (${mvn.status ?? mvn.signal}):\n${
            mvn.stdout
          }\n${mvn.stderr}`,
        );
      }
      const reports = fs
        .readdirSync(path.join(dir, 'target/surefire-reports'))
        .filter(f => /^TEST-.*\.xml$/.test(f));
      const totals = reports.map(f => {
        const xml = fs.readFileSync(
          path.join(dir, 'target/surefire-reports', f),
          'utf8',
        );
        const attr = (n: string) =>
          Number(xml.match(new RegExp(`<testsuite[^>]* ${n}="(\\d+)"`))![1]);
        return {
          tests: attr('tests'),
          failures: attr('failures') + attr('errors'),
        };
      });
      expect(reports.length).toBe(4);
      expect(totals.reduce((n, t) => n + t.failures, 0)).toBe(0);
      expect(totals.reduce((n, t) => n + t.tests, 0)).toBeGreaterThanOrEqual(
        10,
      );
      expect(
        fs.statSync(path.join(dir, 'target/ROOT.war')).size,
      ).toBeGreaterThan(10_000);
      // eslint-disable-next-line no-console
      console.info(
        `mvn -B verify of the generated project: ${Date.now() - started} ms`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
