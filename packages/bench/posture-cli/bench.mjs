// Benchmark (not a test): times diehard-posture against kube-score, kube-linter and Polaris on
// the same generated manifests (whole process, several runs, medians), then measures each
// tool's recall per category on the labeled corpus of plugins/ha-posture-common/corpus.
//
//   node packages/bench/posture-cli/bench.mjs [--workloads 5000] [--runs 5] [--no-timing] [--no-recall]
//
// Run it with the project's Node 22 (scripts/toolchain.sh). Peers are built by peers.sh into
// ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin, generated data goes to ${DIEHARD_CACHE}/bench.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { generate } from './generate.mjs';
import { PEER_CHECKS } from './peerChecks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { parse: parseYaml } = createRequire(import.meta.url)('yaml');
const CATEGORIES = [
  'replicas',
  'spread',
  'disruption',
  'probes',
  'rollout',
  'sessions',
  'database',
  'storage',
  'ingress',
  'image',
  'resources',
  'network',
  'control-plane',
];
const CORPUS = resolve(here, '../../../plugins/ha-posture-common/corpus');
const OURS_BIN = resolve(
  here,
  '../../../plugins/ha-posture-cli/bin/diehard-posture',
);
const CACHE = process.env.DIEHARD_CACHE || join(homedir(), '.cache/diehard');

const { values: opts } = parseArgs({
  options: {
    workloads: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    'no-timing': { type: 'boolean', default: false },
    'no-recall': { type: 'boolean', default: false },
  },
});

// ---------------------------------------------------------------- tools
function buildPeers() {
  const r = spawnSync('bash', [join(here, 'peers.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const peers = {};
  for (const line of r.stdout.trim().split('\n')) {
    const [name, version, path, ...why] = line.split(' ');
    peers[name] =
      path === 'MISSING'
        ? { name, version, missing: why.join(' ') }
        : { name, version, path };
  }
  return peers;
}

/** argv for a tool on a set of manifest files inside one directory. */
function command(tool, dir, files) {
  switch (tool.name) {
    case 'diehard-posture':
      return [process.execPath, OURS_BIN, 'scan', dir, '--format', 'json'];
    case 'kube-score':
      return [tool.path, 'score', '--output-format', 'json', ...files];
    case 'kube-linter':
      return [tool.path, 'lint', '--format', 'json', dir];
    case 'polaris':
      return [tool.path, 'audit', '--audit-path', dir, '--format', 'json'];
    default:
      throw new Error(tool.name);
  }
}

function run(argv, stdoutFd) {
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  return {
    ms: Number(process.hrtime.bigint() - t) / 1e6,
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? s[(s.length - 1) / 2]
    : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------- findings per tool
/** Set of "objectRef|category" a tool reports, from its JSON output. */
function detections(toolName, stdout) {
  const out = new Set();
  const add = (kind, ns, name, cat) =>
    cat && out.add(`${kind}/${ns || 'default'}/${name}|${cat}`);
  if (!stdout || !stdout.trim()) return out;
  const json = JSON.parse(stdout);
  if (toolName === 'diehard-posture') {
    for (const w of json.workloads)
      for (const f of w.findings) add(w.kind, w.namespace, w.name, f.category);
    for (const f of json.cluster.findings) out.add(`(cluster)|${f.category}`);
  } else if (toolName === 'kube-score') {
    for (const o of json) {
      for (const c of o.checks ?? []) {
        if (c.skipped || c.grade >= 7) continue; // 1 critical, 5 warning, 7 almost OK, 10 OK
        add(
          o.type_meta?.kind,
          o.object_meta?.namespace,
          o.object_meta?.name,
          PEER_CHECKS['kube-score'][c.check?.id],
        );
      }
    }
  } else if (toolName === 'kube-linter') {
    for (const r of json.Reports ?? []) {
      const k = r.Object?.K8sObject ?? {};
      add(
        k.GroupVersionKind?.Kind,
        k.Namespace,
        k.Name,
        PEER_CHECKS['kube-linter'][r.Check],
      );
    }
  } else if (toolName === 'polaris') {
    for (const res of json.Results ?? []) {
      const all = [
        res.Results,
        res.PodResult?.Results,
        ...(res.PodResult?.ContainerResults ?? []).map(c => c.Results),
      ];
      for (const group of all) {
        for (const [id, r] of Object.entries(group ?? {})) {
          if (!r.Success)
            add(res.Kind, res.Namespace, res.Name, PEER_CHECKS.polaris[id]);
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- timing
function timing(tools) {
  const n = Number(opts.workloads);
  const dataDir = join(CACHE, 'bench', `data-${n}`);
  const info = generate(dataDir, n);
  const files = info.files;
  const bytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
  console.log(
    `\n## Timing: ${info.workloads} workloads, ${info.objects} objects, ${
      files.length
    } files, ${(bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `(whole process, ${opts.runs} runs each after one warm-up, runs interleaved across tools; median)`,
  );
  const devnull = openSync('/dev/null', 'w');
  const results = {};
  for (const t of tools) {
    const warm = run(command(t, dataDir, files));
    let ok = warm.status !== null && warm.status <= 1;
    let note = '';
    try {
      const found = detections(t.name, warm.stdout);
      note = `${found.size} object/category findings`;
    } catch (e) {
      ok = false;
      note = `output not JSON: ${String(e.message).slice(
        0,
        80,
      )}; stderr: ${warm.stderr.slice(0, 200)}`;
    }
    results[t.name] = { times: [], ok, note, status: warm.status };
  }
  for (let i = 0; i < Number(opts.runs); i++) {
    for (const t of tools)
      results[t.name].times.push(run(command(t, dataDir, files), devnull).ms);
  }
  closeSync(devnull);
  console.log(
    '\n| tool | version | median s | min s | max s | exit | output |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const t of tools) {
    const r = results[t.name];
    console.log(
      `| ${t.name} | ${t.version} | ${(median(r.times) / 1000).toFixed(2)} | ${(
        Math.min(...r.times) / 1000
      ).toFixed(2)} | ${(Math.max(...r.times) / 1000).toFixed(2)} | ${
        r.status
      } | ${r.ok ? r.note : `FAILED ${r.note}`} |`,
    );
  }
  const ours = median(results['diehard-posture'].times);
  const peers = tools.filter(
    t => t.name !== 'diehard-posture' && results[t.name].ok,
  );
  if (peers.length > 0) {
    const fastest = peers.reduce((a, b) =>
      median(results[a.name].times) <= median(results[b.name].times) ? a : b,
    );
    const ratio = ours / median(results[fastest.name].times);
    console.log(
      `\ndiehard-posture takes ${(ratio * 100).toFixed(
        1,
      )}% of the time of the fastest peer (${fastest.name}); goal <= 50%: ${
        ratio <= 0.5 ? 'met' : 'NOT met'
      }`,
    );
  }
}

// ---------------------------------------------------------------- recall
function recall(tools) {
  const cases = [];
  for (const category of readdirSync(CORPUS).sort()) {
    for (const name of readdirSync(join(CORPUS, category)).sort()) {
      const dir = join(CORPUS, category, name);
      const expected = parseYaml(
        readFileSync(join(dir, 'expected.yaml'), 'utf8'),
      );
      cases.push({ name: `${category}/${name}`, dir, expected });
    }
  }
  const positives = []; // {case, ref|null, category}
  for (const c of cases) {
    for (const f of c.expected.findings ?? [])
      positives.push({ c, ref: f.workload ?? null, category: f.category });
    for (const f of c.expected.cluster ?? [])
      positives.push({ c, ref: '(cluster)', category: f.category });
  }
  const unique = new Map(
    positives.map(p => [`${p.c.name}|${p.ref}|${p.category}`, p]),
  );
  const tmp = mkdtempSync(join(tmpdir(), 'diehard-recall-'));
  const detected = {}; // tool -> Set(key)
  const haStackNoise = {};
  for (const t of tools) {
    detected[t.name] = new Set();
    for (const c of cases) {
      // Each tool sees the same files: the case's manifests (and, for ours, Tomcat files beside them).
      const dir = join(tmp, t.name, c.name);
      mkdirSync(dir, { recursive: true });
      const files = [];
      for (const f of readdirSync(c.dir)) {
        if (f === 'expected.yaml') continue;
        if (f.endsWith('.xml') && t.name !== 'diehard-posture') continue;
        copyFileSync(join(c.dir, f), join(dir, f));
        if (!f.endsWith('.xml')) files.push(join(dir, f));
      }
      const r = run(command(t, dir, files));
      let found;
      try {
        found = detections(t.name, r.stdout);
      } catch {
        found = new Set();
      }
      for (const [key, p] of unique) {
        if (p.c !== c) continue;
        const hit = [...found].some(d => {
          const [ref, cat] = d.split('|');
          return cat === p.category && (p.ref === null || ref === p.ref);
        });
        if (hit) detected[t.name].add(key);
      }
      if (c.name === 'service/eni-todo-ha') haStackNoise[t.name] = found.size;
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(
    `\n## Recall per category on the labeled corpus (${cases.length} cases, ${unique.size} expected findings)`,
  );
  console.log(
    '(a tool detects an expected finding when it reports a check mapped to that category on that object)\n',
  );
  console.log(
    `| category | expected | ${tools.map(t => t.name).join(' | ')} |`,
  );
  console.log(`| --- | ---: | ${tools.map(() => '---:').join(' | ')} |`);
  const totals = Object.fromEntries(tools.map(t => [t.name, 0]));
  for (const cat of CATEGORIES) {
    const keys = [...unique.entries()]
      .filter(([, p]) => p.category === cat)
      .map(([k]) => k);
    if (keys.length === 0) continue;
    const cells = tools.map(t => {
      const n = keys.filter(k => detected[t.name].has(k)).length;
      totals[t.name] += n;
      return `${n}/${keys.length} (${Math.round((100 * n) / keys.length)}%)`;
    });
    console.log(`| ${cat} | ${keys.length} | ${cells.join(' | ')} |`);
  }
  console.log(
    `| **all** | ${unique.size} | ${tools
      .map(
        t =>
          `**${totals[t.name]}/${unique.size} (${Math.round(
            (100 * totals[t.name]) / unique.size,
          )}%)**`,
      )
      .join(' | ')} |`,
  );
  console.log(
    `\nFindings (object/category, mapped) on the complete HA eni-todo stack, which should have none: ${tools
      .map(t => `${t.name} ${haStackNoise[t.name] ?? 'n/a'}`)
      .join(', ')}`,
  );
}

// ---------------------------------------------------------------- main
const peers = buildPeers();
const ours = {
  name: 'diehard-posture',
  version: JSON.parse(
    readFileSync(
      resolve(here, '../../../plugins/ha-posture-cli/package.json'),
      'utf8',
    ),
  ).version,
  path: OURS_BIN,
};
const available = Object.values(peers).filter(p => p.path);
console.log('# diehard-posture benchmark');
console.log(`node ${process.version}, ${new Date().toISOString()}`);
for (const p of Object.values(peers))
  console.log(
    `- ${p.name} ${p.version}: ${p.path ?? `not available (${p.missing})`}`,
  );
const tools = [ours, ...available];
if (!opts['no-timing']) timing(tools);
if (!opts['no-recall']) recall(tools);
writeFileSync(join(CACHE, 'bench', 'last-run.txt'), new Date().toISOString());
