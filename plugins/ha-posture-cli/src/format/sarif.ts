import {
  ALL_CHECKS,
  Finding,
  KubeObject,
  ObjectSource,
  PostureReport,
  RULE_TITLES_FR,
  findingText,
  refOf,
} from '@diehard/plugin-ha-posture-common/engine';
import { Language, SARIF_WORDS } from '../i18n/language';

const LEVEL = { critical: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, one result per finding, located at the manifest document of its first object. */
export function formatSarif(
  report: PostureReport,
  sources: Map<KubeObject, ObjectSource>,
  lang: Language = 'en',
): string {
  const byRef = new Map<string, ObjectSource>();
  for (const [obj, src] of sources)
    if (!byRef.has(refOf(obj))) byRef.set(refOf(obj), src);
  const result = (f: Finding) => {
    const src = f.objects.map(o => byRef.get(o)).find(Boolean);
    const text = findingText(f, lang);
    return {
      ruleId: f.rule,
      level: LEVEL[f.severity],
      message: {
        text: `${text.message} [${text.evidence}]\n${SARIF_WORDS[lang].fix}${text.remediation}`,
      },
      properties: {
        category: f.category,
        severity: f.severity,
        objects: f.objects,
      },
      locations: [
        {
          ...(src
            ? {
                physicalLocation: {
                  artifactLocation: { uri: src.file.replace(/\\/g, '/') },
                  region: { startLine: Math.max(1, src.line) },
                },
              }
            : {}),
          logicalLocations: f.objects
            .slice(0, 1)
            .map(o => ({ name: o, kind: 'resource' })),
        },
      ],
    };
  };
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'diehard-posture',
            rules: ALL_CHECKS.map(c => ({
              id: c.id,
              shortDescription: {
                text: (lang === 'fr' && RULE_TITLES_FR[c.id]) || c.title,
              },
              properties: { category: c.category },
              defaultConfiguration: { level: LEVEL[c.severity] },
            })),
          },
        },
        results: [
          ...report.workloads.flatMap(w => w.findings),
          ...report.cluster.findings,
        ].map(result),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
