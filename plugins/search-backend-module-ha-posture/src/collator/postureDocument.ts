import { parseEntityRef } from '@backstage/catalog-model';
import { IndexableDocument } from '@backstage/plugin-search-common';
import {
  EntityPosture,
  FINDING_MESSAGES_FR,
  Finding,
  FleetEntry,
  HA_POSTURE_SEARCH_TYPE,
  HaPostureSearchFields,
  MessageRef,
  renderMessage,
} from '@diehard/plugin-ha-posture-common';

/**
 * The search document type of HA postures.
 *
 * @public
 * @deprecated Use `HA_POSTURE_SEARCH_TYPE` from `@diehard/plugin-ha-posture-common`.
 */
export const HA_POSTURE_DOCUMENT_TYPE = HA_POSTURE_SEARCH_TYPE;

/**
 * One service's HA posture, as the search index holds it.
 *
 * @public
 */
export interface HaPostureDocument
  extends IndexableDocument,
    HaPostureSearchFields {}

/**
 * The document of one posture: its findings in English and French, with their rule
 * ids and categories, the single points of failure, and what its pods rely on (so that
 * a search for a database, a volume claim or a host finds the services that use it).
 * Undefined when there was nothing to grade.
 */
export function postureDocument(
  entry: FleetEntry,
  posture: EntityPosture,
): HaPostureDocument | undefined {
  if (!posture.grade) return undefined;
  const ref = parseEntityRef(posture.entityRef);
  const kind = ref.kind.toLocaleLowerCase('en-US');
  const findings = [
    ...posture.report.cluster.findings,
    ...posture.report.workloads.flatMap(w => w.findings),
  ];
  const lines = new Map<string, string>();
  for (const finding of findings) {
    const english = `${finding.rule} (${finding.category}, ${finding.severity}): ${finding.message}`;
    const fr = frenchMessage(finding);
    lines.set(english, fr && fr !== finding.message ? fr : english);
  }
  for (const finding of findings) {
    if (finding.spof)
      lines.set(finding.spof, frenchSpof(finding) ?? finding.spof);
  }
  const text = [...lines].flatMap(([en, fr]) => (en === fr ? [en] : [en, fr]));
  if (!findings.length) {
    text.push('No finding: survives the loss of any one machine.');
    text.push('Aucun constat : survit à la perte de n’importe quelle machine.');
  }
  const around = unique(
    posture.report.workloads.flatMap(w =>
      w.around
        ? [...w.around.entryPoints, ...w.around.databases, ...w.around.volumes]
        : [],
    ),
  ).map(spoken);
  if (around.length) text.push(around.join(', '));
  return {
    title: `${entry.title ?? ref.name} · HA ${posture.grade}`,
    text: text.join('\n'),
    location: `/catalog/${encodeURIComponent(
      ref.namespace,
    )}/${encodeURIComponent(kind)}/${encodeURIComponent(ref.name)}/ha-posture`,
    authorization: { resourceRef: posture.entityRef },
    entityRef: posture.entityRef,
    entityTitle: entry.title ?? ref.name,
    kind,
    namespace: ref.namespace,
    name: ref.name,
    owner: entry.owner ?? '',
    grade: posture.grade,
    rules: unique(findings.map(f => f.rule)),
    categories: unique(findings.map(f => f.category)),
    linesEn: [...lines.keys()],
    linesFr: [...lines.values()],
    around,
  };
}

function frenchMessage(finding: Finding): string | undefined {
  const own = finding.translations?.fr?.message;
  if (own) return own;
  return finding.messageId
    ? french({ id: finding.messageId, params: finding.params ?? {} })
    : undefined;
}

function frenchSpof(finding: Finding): string | undefined {
  const own = finding.translations?.fr?.spof;
  if (own) return own;
  return finding.spofMessage ? french(finding.spofMessage) : undefined;
}

/** French from the catalog; undefined when the catalog lacks the message (no English twice). */
function french(ref: MessageRef): string | undefined {
  return ref.id in FINDING_MESSAGES_FR
    ? renderMessage(ref, FINDING_MESSAGES_FR)
    : undefined;
}

/** `Kind/namespace/name` as words a search matches on: `Kind name (namespace)`. */
function spoken(ref: string): string {
  const [kind, ...rest] = ref.split('/');
  if (rest.length === 2) return `${kind} ${rest[1]} (${rest[0]})`;
  return rest.length === 1 ? `${kind} ${rest[0]}` : ref;
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
