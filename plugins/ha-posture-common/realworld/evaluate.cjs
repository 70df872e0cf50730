#!/usr/bin/env node
/* eslint-disable */
// Regression corpus of real deployments (not a test): runs the posture engine on the files
// listed in deployments.yaml, read from local git snapshots, and prints recall and precision
// per category against the hand labels. Third-party files are read, never copied into the repo.
//
//   node plugins/ha-posture-common/realworld/evaluate.cjs [--verbose]
//
// Snapshots: $DIEHARD_REALWORLD_MIRROR/<owner>+<name>/repo (default /work/.mirror), a bare or
// normal git directory holding the listed commit. Entries without a snapshot are skipped and
// counted. Run with the project's Node 22 (scripts/toolchain.sh).
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

require('@backstage/cli/config/nodeTransform.cjs');
const { parse } = require('yaml');
// DIEHARD_ENGINE: another copy of src/index.ts (e.g. an older commit's, to compare).
const engine = require(process.env.DIEHARD_ENGINE ||
  path.resolve(__dirname, '../src/index.ts'));
const CLUSTER_SCOPED = new Set([
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'Namespace',
  'IngressClass',
  'Node',
]);

const MIRROR = process.env.DIEHARD_REALWORLD_MIRROR || '/work/.mirror';
const verbose = process.argv.includes('--verbose');
const CATEGORIES = ['database', 'storage', 'unknown'];

function snapshot(repo) {
  const dir = path.join(MIRROR, repo.replace('/', '+'), 'repo');
  return existsSync(dir) ? dir : undefined;
}

function show(dir, commit, file) {
  return execFileSync(
    'git',
    ['--git-dir', gitDir(dir), 'show', `${commit}:${file}`],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

function gitDir(dir) {
  return existsSync(path.join(dir, '.git')) ? path.join(dir, '.git') : dir;
}

/** The categories the engine reports per workload; `unknown` is the database-unseen note. */
function reported(report) {
  const out = { database: new Set(), storage: new Set(), unknown: new Set() };
  for (const w of report.workloads) {
    const ref = `${w.kind}/${w.namespace}/${w.name}`;
    for (const f of w.findings) {
      if (f.rule === 'database-unseen') out.unknown.add(ref);
      else if (f.category === 'database' || f.category === 'storage')
        out[f.category].add(ref);
    }
  }
  return out;
}

const entries = parse(
  readFileSync(path.join(__dirname, 'deployments.yaml'), 'utf8'),
);
const totals = Object.fromEntries(
  CATEGORIES.map(c => [c, { tp: 0, fp: 0, fn: 0, tn: 0 }]),
);
let evaluated = 0;
const skipped = [];
const misses = [];
for (const e of entries) {
  const dir = snapshot(e.repo);
  if (!dir) {
    skipped.push(`${e.repo} (${e.set}): no snapshot under ${MIRROR}`);
    continue;
  }
  const objects = [];
  try {
    for (const p of e.paths) {
      const parsed = engine.parseManifests(
        show(dir, e.commit, p),
        `${e.repo}/${p}`,
      );
      for (const err of parsed.errors)
        misses.push(
          `${e.repo} (${e.set}): ${err.file}:${err.line} ${err.message}`,
        );
      for (const { object } of parsed.objects) {
        // As the kustomize overlay would: its namespace on namespaced objects that name none.
        if (
          e.namespace &&
          object.metadata &&
          !object.metadata.namespace &&
          !CLUSTER_SCOPED.has(object.kind)
        )
          object.metadata.namespace = e.namespace;
        objects.push(object);
      }
    }
  } catch (err) {
    skipped.push(`${e.repo} (${e.set}): ${String(err.message).split('\n')[0]}`);
    continue;
  }
  evaluated++;
  const report = engine.evaluatePosture({ objects });
  const got = reported(report);
  const workloads = report.workloads.map(
    w => `${w.kind}/${w.namespace}/${w.name}`,
  );
  for (const c of CATEGORIES) {
    const want = new Set((e.labels ?? {})[c] ?? []);
    for (const w of new Set([...workloads, ...want])) {
      const hit = got[c].has(w);
      const t = totals[c];
      if (want.has(w) && hit) t.tp++;
      else if (want.has(w)) {
        t.fn++;
        misses.push(`FN ${c} ${w} in ${e.repo} (${e.set})`);
      } else if (hit) {
        t.fp++;
        const f = report.workloads
          .find(x => `${x.kind}/${x.namespace}/${x.name}` === w)
          ?.findings.find(x =>
            c === 'unknown'
              ? x.rule === 'database-unseen'
              : x.category === c && x.rule !== 'database-unseen',
          );
        misses.push(
          `FP ${c} ${w} in ${e.repo} (${e.set}): ${f?.rule}: ${f?.message}`,
        );
      } else t.tn++;
    }
  }
  if (verbose)
    for (const w of report.workloads)
      for (const f of w.findings)
        if (f.category === 'database' || f.category === 'storage')
          console.log(
            `${e.repo} (${e.set}) ${w.kind}/${w.namespace}/${w.name} ${f.rule}: ${f.message}`,
          );
}

const pct = (n, d) => (d === 0 ? 'n/a' : `${Math.round((100 * n) / d)}%`);
console.log(
  `Real deployments: ${evaluated} sets from ${
    new Set(entries.map(e => e.repo)).size
  } repositories evaluated, ${skipped.length} skipped\n`,
);
console.log(
  '| category | labelled | found | TP | FP | FN | recall | precision |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const c of CATEGORIES) {
  const t = totals[c];
  const name = c === 'unknown' ? 'database (unknown note)' : c;
  console.log(
    `| ${name} | ${t.tp + t.fn} | ${t.tp + t.fp} | ${t.tp} | ${t.fp} | ${
      t.fn
    } | ${pct(t.tp, t.tp + t.fn)} | ${pct(t.tp, t.tp + t.fp)} |`,
  );
}
for (const m of [...skipped.map(s => `skipped: ${s}`), ...misses])
  console.log(`\n${m}`);
