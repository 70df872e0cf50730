import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { ALL_CHECKS, evaluatePosture } from '../evaluate';
import { parseManifests } from '../manifests/parseManifests';
import { Finding } from '../model/finding';
import { PostureReport } from '../model/report';
import { CorpusExpectation, corpusExpectationSchema } from './corpusCase';

const ROOT = join(__dirname, '../../corpus');

interface CorpusCase {
  name: string;
  dir: string;
  expected: CorpusExpectation;
}

function loadCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const category of readdirSync(ROOT).sort()) {
    for (const name of readdirSync(join(ROOT, category)).sort()) {
      const dir = join(ROOT, category, name);
      const expected = corpusExpectationSchema.parse(
        parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')),
      );
      cases.push({ name: `${category}/${name}`, dir, expected });
    }
  }
  return cases;
}

function runCase(dir: string): PostureReport {
  const objects = [];
  const files = [];
  for (const f of readdirSync(dir).sort()) {
    if (f === 'expected.yaml') continue;
    const text = readFileSync(join(dir, f), 'utf8');
    if (f.endsWith('.xml')) {
      files.push({ path: f, content: text });
      continue;
    }
    const parsed = parseManifests(text, relative(ROOT, join(dir, f)));
    expect(parsed.errors).toEqual([]);
    objects.push(...parsed.objects.map(o => o.object));
  }
  return evaluatePosture({ objects, files });
}

type Located = Finding & { workload: string };

function matches(
  f: Located,
  m: { workload?: string; category: string; rule?: string; severity?: string },
) {
  return (
    (!m.workload || f.workload === m.workload) &&
    f.category === m.category &&
    (!m.rule || f.rule === m.rule) &&
    (!m.severity || f.severity === m.severity)
  );
}

const cases = loadCases();

describe('labeled corpus', () => {
  it.each(cases.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const report = runCase(c.dir);
    const found: Located[] = report.workloads.flatMap(w =>
      w.findings.map(f => ({
        ...f,
        workload: `${w.kind}/${w.namespace}/${w.name}`,
      })),
    );
    const summary = found.map(f => `${f.workload} ${f.rule}`);
    for (const m of c.expected.findings) {
      expect({
        expected: m,
        found: found.some(f => matches(f, m)) ? 'yes' : summary,
      }).toEqual({ expected: m, found: 'yes' });
    }
    for (const m of c.expected.absent) {
      const clusterFound = report.cluster.findings.map(f => ({
        ...f,
        workload: '(cluster)',
      }));
      const hit = [...found, ...(m.workload ? [] : clusterFound)].filter(f =>
        matches(f, m),
      );
      expect({
        absent: m,
        hit: hit.map(f => `${f.workload} ${f.rule}: ${f.message}`),
      }).toEqual({ absent: m, hit: [] });
    }
    for (const m of c.expected.cluster) {
      expect({
        cluster: m,
        found: report.cluster.findings.some(f =>
          matches({ ...f, workload: '' }, m),
        ),
      }).toEqual({ cluster: m, found: true });
    }
    // With exact: true, nothing beyond what is listed; otherwise extra findings are allowed.
    const extra = found.filter(
      f => !c.expected.findings.some(m => matches(f, m)),
    );
    const extraCluster = report.cluster.findings.filter(
      f => !c.expected.cluster.some(m => matches({ ...f, workload: '' }, m)),
    );
    expect(
      c.expected.exact
        ? extra.map(f => `${f.workload} ${f.rule}: ${f.message}`)
        : [],
    ).toEqual([]);
    expect(c.expected.exact ? extraCluster.map(f => f.rule) : []).toEqual([]);
    for (const [ref, g] of Object.entries(c.expected.grades)) {
      const w = report.workloads.find(
        x => `${x.kind}/${x.namespace}/${x.name}` === ref,
      );
      expect({ ref, grade: w?.grade }).toEqual({ ref, grade: g });
    }
  });

  it('has, for every check, a case where it must fire and one where it must not', () => {
    const fires = new Set<string>();
    const quiet = new Set<string>();
    for (const c of cases) {
      for (const m of c.expected.findings) if (m.rule) fires.add(m.rule);
      for (const m of c.expected.cluster) if (m.rule) fires.add(m.rule);
      for (const m of c.expected.absent) if (m.rule) quiet.add(m.rule);
    }
    const missing = ALL_CHECKS.flatMap(k => [
      ...(fires.has(k.id) ? [] : [`${k.id}: no case where it must fire`]),
      ...(quiet.has(k.id) ? [] : [`${k.id}: no case where it must not fire`]),
    ]);
    expect(missing).toEqual([]);
  });
});
