import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ensureHelm, ensureKustomize } from '@diehard/lab';
import { RenderRoot, planRenders } from '@diehard/plugin-ha-posture-common';
import { RenderFile, renderRoots, renderRootsSync } from './render';
import { RenderTools } from './renderTools';

// Cold: helm and kustomize may have to be built from the Go module proxy first.
jest.setTimeout(900_000);

let tools: RenderTools;
beforeAll(async () => {
  tools = {
    helm: (await ensureHelm({ report: () => {} })).path,
    kustomize: (await ensureKustomize({ report: () => {} })).path,
  };
});

const CHART = 'apiVersion: v2\nname: probe\nversion: 0.1.0\n';

/** Plans and renders `files` (path → content) as a reader would. */
async function render(files: Record<string, string>, extra: RenderTools = {}) {
  const entries: RenderFile[] = Object.entries(files).map(
    ([path, content]) => ({
      path,
      content,
    }),
  );
  const plan = planRenders(
    Object.keys(files),
    entries
      .filter(f => /(Chart\.yaml|kustomization\.yaml)$/.test(f.path))
      .map(f => ({ path: f.path, content: String(f.content) })),
  );
  const results = await renderRoots(entries, plan, { ...tools, ...extra });
  return results.map(r =>
    'error' in r
      ? { dir: r.root.dir, error: r.error }
      : { dir: r.root.dir, manifests: r.manifests },
  );
}

const leftovers = () =>
  readdirSync(tmpdir()).filter(n => n.startsWith('diehard-render-'));

describe('renderRoots on hostile charts and kustomizations', () => {
  it('reads no file of the machine: .Files.Get of a path out of the chart gives nothing', async () => {
    const [r] = await render({
      'Chart.yaml': CHART,
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: probe}\ndata:\n  passwd: {{ .Files.Get "../../../../../../etc/passwd" | quote }}\n  abs: {{ .Files.Get "/etc/passwd" | quote }}\n',
    });
    expect(r).toEqual({
      dir: '',
      manifests: expect.stringContaining('passwd: ""\n  abs: ""'),
    });
  });

  it('contacts no cluster: lookup gives an empty answer', async () => {
    const [r] = await render({
      'Chart.yaml': CHART,
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: probe}\ndata:\n  found: {{ lookup "v1" "Namespace" "" "kube-system" | len | quote }}\n',
    });
    expect(r).toEqual({
      dir: '',
      manifests: expect.stringContaining('found: "0"'),
    });
  });

  it('fetches no dependency: a chart whose charts/ lacks one is named', async () => {
    const [r] = await render({
      'Chart.yaml': `${CHART}dependencies:\n  - name: postgresql\n    version: 1.0.0\n    repository: https://charts.example.invalid\n`,
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: probe}\n',
    });
    expect(r).toEqual({
      dir: '',
      error: expect.stringMatching(
        /^helm template failed: .*found in Chart\.yaml, but missing in charts\/ directory: postgresql$/,
      ),
    });
  });

  it('keeps kustomize’s load restrictor: a patch out of the kustomization’s folder is refused', async () => {
    const [app] = await render({
      'shared/kustomization.yaml': 'resources: [secret.yaml]\n',
      'shared/secret.yaml':
        'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n',
      'app/kustomization.yaml': 'resources:\n  - ../shared/secret.yaml\n',
    });
    const r = app as { dir: string; error: string };
    expect(r).toEqual({
      dir: 'app',
      error: expect.stringMatching(
        /^kustomize build failed: .*security; file '.*secret\.yaml' is not in or below '.*app'/,
      ),
    });
    expect(r.error).not.toContain(tmpdir());
  });

  it('stops a render at its output limit and at its deadline', async () => {
    const many = (n: number) => ({
      'Chart.yaml': CHART,
      'templates/cm.yaml': `{{ range until ${n} }}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: "c{{ . }}"}\n{{ end }}`,
    });
    expect(await render(many(5_000), { maxOutputBytes: 100_000 })).toEqual([
      { dir: '', error: 'helm template wrote more than 100000 bytes' },
    ]);
    const started = Date.now();
    expect(await render(many(1_000_000), { timeoutMs: 300 })).toEqual([
      { dir: '', error: 'helm template took longer than 0.3 s' },
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('renders synchronously alike, and leaves no temporary folder behind', () => {
    const before = leftovers();
    const root: RenderRoot = { kind: 'helm', dir: 'c', chart: 'probe' };
    const [r] = renderRootsSync(
      [
        { path: 'c/Chart.yaml', content: CHART },
        {
          path: 'c/templates/cm.yaml',
          content:
            'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "{{ .Release.Name }}"}\n',
        },
      ],
      { roots: [root], renderedDirs: ['c'] },
      tools,
      { set: ['x=1'] },
    );
    expect(r).toEqual({
      root,
      manifests: expect.stringContaining('name: "probe"'),
    });
    expect(leftovers()).toEqual(before);
    expect(existsSync(tools.helm!)).toBe(true);
  });
});
