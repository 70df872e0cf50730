import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT, runCli } from './scan';

const CORPUS = resolve(__dirname, '../../ha-posture-common/corpus');

function run(
  argv: string[],
  stdin = '',
  env: Record<string, string | undefined> = {},
) {
  let out = '';
  let err = '';
  const code = runCli(argv, {
    stdout: t => (out += t),
    stderr: t => (err += t),
    readStdin: () => stdin,
    cwd: CORPUS,
    env,
  });
  return { code, out, err };
}

const FRAGILE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: eni/web:1.0.0
          resources: {requests: {cpu: 100m, memory: 128Mi}}
`;

describe('diehard-posture scan', () => {
  it('prints the JSON contract, exactly shaped, with namespace "default" when none is given', () => {
    const { code, out } = run(['scan', '-', '--format', 'json'], FRAGILE);
    expect(code).toBe(EXIT.ok);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['workloads', 'cluster']);
    expect(Object.keys(json.cluster)).toEqual(['findings']);
    const [w] = json.workloads;
    expect(Object.keys(w)).toEqual([
      'kind',
      'namespace',
      'name',
      'grade',
      'findings',
    ]);
    expect(w).toMatchObject({
      kind: 'Deployment',
      namespace: 'default',
      name: 'web',
      grade: 'D',
    });
    expect(Object.keys(w.findings[0])).toEqual([
      'rule',
      'category',
      'severity',
      'message',
      'messageId',
      'params',
      'objects',
      'remediation',
    ]);
    expect(w.findings[0]).toMatchObject({
      message:
        'Deployment web runs 1 replica: a node failure or an eviction stops it. [spec.replicas: 1]',
      messageId: 'replicas-single.message',
      params: { workload: 'Deployment web', replicas: 1 },
    });
    expect(w.findings.map((f: any) => f.category)).toEqual([
      'replicas',
      'network',
    ]);
  });

  it('grades the HA eni-todo stack A with zero findings, read from a directory', () => {
    const { code, out } = run([
      'scan',
      join(CORPUS, 'service/eni-todo-ha'),
      '--format',
      'json',
      '--fail-on',
      'warning',
    ]);
    expect(code).toBe(EXIT.ok);
    const json = JSON.parse(out);
    expect(
      json.workloads.map((w: any) => [w.name, w.grade, w.findings.length]),
    ).toEqual([
      ['galera', 'A', 0],
      ['todo-web', 'A', 0],
    ]);
  });

  it('exits 1 on --fail-on when a finding reaches the severity, 0 below it', () => {
    const fragile = join(CORPUS, 'rollout/recreate');
    expect(run(['scan', fragile, '--fail-on', 'warning']).code).toBe(
      EXIT.findings,
    );
    expect(run(['scan', fragile, '--fail-on', 'critical']).code).toBe(EXIT.ok);
    expect(run(['scan', '-', '--fail-on', 'critical'], FRAGILE).code).toBe(
      EXIT.findings,
    );
  });

  it('names the file and line of unparseable input, still reports the rest, exits 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diehard-cli-'));
    writeFileSync(join(dir, 'a-good.yaml'), FRAGILE);
    writeFileSync(
      join(dir, 'b-bad.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n',
    );
    const { code, out, err } = run(['scan', dir, '--format', 'json']);
    expect(code).toBe(EXIT.input);
    expect(err).toMatch(/b-bad\.yaml:\d+: /);
    expect(JSON.parse(out).workloads.map((w: any) => w.name)).toEqual(['web']);
    expect(run(['scan', join(dir, 'missing.yaml')]).err).toMatch(
      /missing\.yaml: no such file/,
    );
  });

  it('reads kind: List and JSON from stdin, the way kubectl get -o json prints them', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p', namespace: 'ops' },
          spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] },
        },
      ],
    };
    const json = JSON.parse(
      run(['scan', '-', '--format', 'json'], JSON.stringify(list)).out,
    );
    expect(json.workloads[0]).toMatchObject({
      kind: 'Pod',
      namespace: 'ops',
      name: 'p',
    });
    expect(json.workloads[0].findings.map((f: any) => f.rule)).toContain(
      'replicas-bare-pod',
    );
  });

  it("judges a claim by the cluster's StorageClasses scanned with it, as kubectl get storageclass -o yaml prints them", () => {
    const dir = mkdtempSync(join(tmpdir(), 'diehard-posture-classes-'));
    writeFileSync(
      join(dir, 'app.yaml'),
      `${FRAGILE.replace('replicas: 1', 'replicas: 3').replace(
        '          resources:',
        '          volumeMounts: [{name: files, mountPath: /files}]\n          resources:',
      )}      volumes: [{name: files, persistentVolumeClaim: {claimName: files}}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: files}
spec:
  accessModes: [ReadWriteMany]
  storageClassName: local-ssd
  resources: {requests: {storage: 5Gi}}
`,
    );
    const classes = join(dir, 'classes.yaml');
    writeFileSync(
      classes,
      `apiVersion: v1
kind: List
items:
  - apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata: {name: local-ssd}
    provisioner: rancher.io/local-path
    volumeBindingMode: WaitForFirstConsumer
`,
    );
    const storage = (args: string[]) =>
      JSON.parse(
        run(['scan', join(dir, 'app.yaml'), ...args, '--format', 'json']).out,
      ).workloads[0].findings.filter((f: any) => f.category === 'storage');
    expect(storage([])).toEqual([]);
    expect(storage([classes])).toEqual([
      expect.objectContaining({
        rule: 'storage-node-local-volume',
        severity: 'critical',
        objects: [
          'Deployment/default/web',
          'PersistentVolumeClaim/default/files',
          'StorageClass/local-ssd',
        ],
      }),
    ]);
  });

  it('writes SARIF 2.1.0 with rule ids, levels and manifest locations', () => {
    const { out } = run([
      'scan',
      join(CORPUS, 'replicas/single-replica'),
      '--format',
      'sarif',
    ]);
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results.find(
      (r: any) => r.ruleId === 'replicas-single',
    );
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'replicas/single-replica/manifests.yaml',
    );
    expect(
      result.locations[0].physicalLocation.region.startLine,
    ).toBeGreaterThan(1);
    expect(sarif.runs[0].tool.driver.rules.map((r: any) => r.id)).toContain(
      'sessions-membership-rbac',
    );
  });

  it('reads the Tomcat web.xml found next to the manifests', () => {
    const { out } = run([
      'scan',
      join(CORPUS, 'sessions/not-distributable'),
      '--format',
      'json',
    ]);
    const rules = JSON.parse(out).workloads.flatMap((w: any) =>
      w.findings.map((f: any) => f.rule),
    );
    expect(rules).toContain('sessions-not-distributable');
  });

  it('never prints a DSN password', () => {
    const { out } = run([
      'scan',
      join(CORPUS, 'database/dsn-single-external-host'),
      '--format',
      'json',
    ]);
    expect(out).toContain('db01.eni.lan');
    expect(out).not.toContain('Sup3r-s3cret');
  });

  it('answers usage errors with exit 2 and the usage text', () => {
    expect(run([]).code).toBe(EXIT.usage);
    expect(run(['scan']).code).toBe(EXIT.usage);
    expect(run(['scan', '-', '--format', 'xml']).code).toBe(EXIT.usage);
    expect(run(['scan', '-', '--fail-on', 'info']).err).toMatch(/Exit codes:/);
    expect(run(['--help']).code).toBe(EXIT.ok);
  });

  it('prints a table with grades, findings and plain-words single points of failure', () => {
    const { out } = run(['scan', join(CORPUS, 'service/eni-todo-fragile')]);
    expect(out).toMatch(/^F {2}Deployment eni-todo\/todo-web/m);
    expect(out).toContain(
      'if database member galera-0 fails, eni-todo loses its database',
    );
  });

  it('writes the table in French with --lang fr, or when LANG says fr_FR.UTF-8', () => {
    const dir = join(CORPUS, 'service/eni-todo-fragile');
    const flag = run(['scan', dir, '--lang', 'fr']).out;
    expect(flag).toContain(
      'si le membre de base de données galera-0 tombe en panne, eni-todo perd sa base de données',
    );
    expect(flag).toMatch(/^ {13}correctif : /m);
    expect(flag).toMatch(/^ {13}preuve : /m);
    expect(flag).toContain(
      'preuve : PodDisruptionBudget sélectionnant les labels des pods : aucun',
    );
    expect(flag).not.toContain('loses its database');
    expect(flag).not.toContain('selecting pod labels');
    const fromEnv = run(['scan', dir], '', { LANG: 'fr_FR.UTF-8' }).out;
    expect(fromEnv).toBe(flag);
    // LC_ALL wins over LANG, and --lang over both.
    expect(
      run(['scan', dir], '', { LC_ALL: 'C', LANG: 'fr_FR' }).out,
    ).toContain('eni-todo loses its database');
    expect(
      run(['scan', dir, '--lang', 'en'], '', { LANG: 'fr_FR.UTF-8' }).out,
    ).toContain('eni-todo loses its database');
  });

  it('keeps English messages in JSON whatever the language, with their ids', () => {
    const en = run(['scan', '-', '--format', 'json'], FRAGILE).out;
    const fr = run(['scan', '-', '--format', 'json', '--lang', 'fr'], FRAGILE, {
      LANG: 'fr_FR.UTF-8',
    }).out;
    expect(fr).toBe(en);
  });

  it('writes SARIF message text in French with --lang fr', () => {
    const { out } = run(
      ['scan', '-', '--format', 'sarif', '--lang', 'fr'],
      FRAGILE,
    );
    const run0 = JSON.parse(out).runs[0];
    expect(
      run0.tool.driver.rules.find((r: any) => r.id === 'replicas-single')
        .shortDescription.text,
    ).toBe('Le workload tourne avec un seul réplica');
    const results = run0.results;
    const replicas = results.find((r: any) => r.ruleId === 'replicas-single');
    expect(replicas.message.text).toBe(
      "Deployment web tourne avec 1 réplica : une panne de nœud ou une éviction l'arrête. [spec.replicas: 1]\nCorrectif : Faites tourner au moins 2 réplicas (3 pour une base de données à quorum) :\n\nspec:\n  replicas: 3",
    );
  });

  it('refuses an unknown --lang with exit 2', () => {
    const { code, err } = run(['scan', '-', '--lang', 'de'], FRAGILE);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain("unknown --lang 'de' (en or fr)");
  });
});
