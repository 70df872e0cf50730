import { parseEntityRef } from '@backstage/catalog-model';
import { IndexableDocument } from '@backstage/plugin-search-common';
import {
  EntityPosture,
  FINDING_MESSAGES_FR,
  Finding,
  FleetEntry,
  MessageRef,
  renderMessage,
} from '@diehard/plugin-ha-posture-common';

/**
 * The search document type of HA postures.
 *
 * @public
 */
export const HA_POSTURE_DOCUMENT_TYPE = 'ha-posture';

/**
 * One service's HA posture, as the search index holds it.
 *
 * @public
 */
export interface HaPostureDocument extends IndexableDocument {
  entityRef: string;
  /** The entity's title, else its name: what a result item names the service by. */
  entityTitle: string;
  kind: string;
  namespace: string;
  name: string;
  /** The owner's entity ref; empty when the entity has none. */
  owner: string;
  grade: string;
  /** The rule ids of the findings (also in `text`, for engines that only search title and text). */
  rules: string[];
  /** The categories of the findings (also in `text`). */
  categories: string[];
}

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
  const lines = new Set<string>();
  for (const finding of findings) {
    lines.add(
      `${finding.rule} (${finding.category}, ${finding.severity}): ${finding.message}`,
    );
    const fr = frenchMessage(finding);
    if (fr && fr !== finding.message) lines.add(fr);
  }
  for (const finding of findings) {
    if (finding.spof) lines.add(finding.spof);
    const fr = frenchSpof(finding);
    if (fr) lines.add(fr);
  }
  if (!findings.length) {
    lines.add('No finding: survives the loss of any one machine.');
    lines.add('Aucun constat : survit à la perte de n’importe quelle machine.');
  }
  const around = unique(
    posture.report.workloads.flatMap(w =>
      w.around
        ? [...w.around.entryPoints, ...w.around.databases, ...w.around.volumes]
        : [],
    ),
  );
  if (around.length)
    lines.add(
      `Around its pods (autour de ses pods): ${around.map(spoken).join(', ')}`,
    );
  return {
    title: `${entry.title ?? ref.name} · HA ${posture.grade}`,
    text: [...lines].join('\n'),
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
