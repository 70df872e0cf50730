import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifests } from '../manifests/parseManifests';
import { Finding } from '../model/finding';
import { FINDING_MESSAGES_EN } from './en';
import { FINDING_MESSAGES_FR } from './fr';
import { RULE_TITLES_FR } from './ruleTitles.fr';
import { ALL_CHECKS, evaluatePosture } from '../evaluate';
import { MessageRef, placeholdersOf, renderMessage } from './format';

const CORPUS = join(__dirname, '../../corpus');

/** Every finding of the corpus, each case run through the engine as the CLI would. */
function corpusFindings(): Finding[] {
  const out: Finding[] = [];
  for (const category of readdirSync(CORPUS).sort()) {
    for (const name of readdirSync(join(CORPUS, category)).sort()) {
      const dir = join(CORPUS, category, name);
      const objects = [];
      const files = [];
      for (const f of readdirSync(dir).sort()) {
        if (f === 'expected.yaml') continue;
        const text = readFileSync(join(dir, f), 'utf8');
        if (f.endsWith('.xml')) files.push({ path: f, content: text });
        else
          objects.push(...parseManifests(text, f).objects.map(o => o.object));
      }
      const report = evaluatePosture({ objects, files });
      out.push(
        ...report.workloads.flatMap(w => w.findings),
        ...report.cluster.findings,
      );
    }
  }
  return out;
}

/** A message and the messages nested in its parameters. */
function refsIn(ref: MessageRef): MessageRef[] {
  return [
    ref,
    ...Object.values(ref.params).flatMap(v =>
      typeof v === 'object' ? refsIn(v) : [],
    ),
  ];
}

/** The message of a finding; the engine always sets its id and parameters. */
function messageOf(f: Finding): MessageRef {
  expect(f.messageId).toBeDefined();
  return { id: f.messageId!, params: f.params ?? {} };
}

function emittedRefs(findings: Finding[]): MessageRef[] {
  return findings.flatMap(f => [
    ...refsIn(messageOf(f)),
    ...(f.spofMessage ? refsIn(f.spofMessage) : []),
    ...(f.evidenceMessage ? refsIn(f.evidenceMessage) : []),
    ...(f.remediationMessage ? refsIn(f.remediationMessage) : []),
  ]);
}

const en: Record<string, string> = FINDING_MESSAGES_EN;
const fr: Record<string, string> = FINDING_MESSAGES_FR;

describe('finding message catalogs', () => {
  const findings = corpusFindings();
  const refs = emittedRefs(findings);
  const ids = [...new Set([...refs.map(r => r.id), ...Object.keys(en)])].sort();

  it('the corpus reaches most messages', () => {
    expect(findings.length).toBeGreaterThan(50);
    expect(new Set(refs.map(r => r.id)).size).toBeGreaterThan(60);
  });

  it('has an English text for every id a rule emits', () => {
    expect(refs.map(r => r.id).filter(id => !(id in en))).toEqual([]);
  });

  it('has a French text for every id', () => {
    expect(ids.filter(id => !fr[id]?.trim())).toEqual([]);
  });

  it('uses in French no placeholder the English lacks, and drops none', () => {
    const mismatched = ids.filter(id => {
      const a = new Set(placeholdersOf(en[id] ?? ''));
      const b = new Set(placeholdersOf(fr[id] ?? ''));
      return a.size !== b.size || [...b].some(p => !a.has(p));
    });
    expect(mismatched).toEqual([]);
  });

  it('gives every emitted message the parameters its template names', () => {
    const missing = refs.flatMap(r =>
      placeholdersOf(en[r.id] ?? '')
        .filter(p => !(p in r.params))
        .map(p => `${r.id}: ${p}`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it('builds the English strings from the catalog', () => {
    const rendered = findings.map(f => ({
      message: renderMessage(messageOf(f)),
      spof: f.spofMessage ? renderMessage(f.spofMessage) : f.spof,
      evidence: f.evidenceMessage
        ? renderMessage(f.evidenceMessage)
        : f.evidence,
      remediation: f.remediationMessage
        ? renderMessage(f.remediationMessage)
        : f.remediation,
    }));
    expect(rendered).toEqual(
      findings.map(f => ({
        message: f.message,
        spof: f.spof,
        evidence: f.evidence,
        remediation: f.remediation,
      })),
    );
    // Every spof sentence comes from a message.
    expect(findings.filter(f => f.spof && !f.spofMessage)).toEqual([]);
  });

  it('writes as a message every evidence that has words to translate', () => {
    // English words standing alone (not inside names such as kubernetes.io/no-provisioner).
    const words =
      /(^|[\s(])(none|absent|unset|unknown|not|no|without|vs|from|of|pinned|allow|ready|nodes|members|servers)(?=[\s),:;]|$)/;
    const plainWithWords = findings
      .filter(f => !f.evidenceMessage && words.test(f.evidence))
      .map(f => `${f.rule}: ${f.evidence}`);
    expect(plainWithWords).toEqual([]);
    expect(findings.filter(f => f.evidenceMessage).length).toBeGreaterThan(10);
  });

  it("renders a finding's evidence in French", () => {
    const probe = findings.find(f => f.rule === 'probes-no-readiness')!;
    expect(renderMessage(probe.evidenceMessage!, fr)).toMatch(
      /^containers\[.+\]\.readinessProbe : absent$/,
    );
    const noPdb = findings.find(f =>
      f.evidence.startsWith('PodDisruptionBudget'),
    )!;
    expect(renderMessage(noPdb.evidenceMessage!, fr)).toBe(
      'PodDisruptionBudget sélectionnant les labels des pods : aucun',
    );
  });

  it('renders a finding in French with its values in place', () => {
    const single = findings.find(f => f.rule === 'replicas-single')!;
    const text = renderMessage(messageOf(single), fr);
    expect(text).toContain(String(single.params!.workload));
    expect(text).toMatch(/tourne avec 1 réplica : une panne de nœud/);
    expect(renderMessage(single.spofMessage!, fr)).toMatch(
      /^si le nœud qui exécute .* tombe en panne, .* perd /,
    );
  });

  it('has a French title for every check, and none for a check that does not exist', () => {
    const checks = ALL_CHECKS.map(c => c.id);
    expect(checks.filter(id => !RULE_TITLES_FR[id]?.trim())).toEqual([]);
    expect(
      Object.keys(RULE_TITLES_FR).filter(id => !checks.includes(id)),
    ).toEqual([]);
  });
});
