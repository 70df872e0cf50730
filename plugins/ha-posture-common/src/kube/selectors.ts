/** A Kubernetes label selector (matchLabels + matchExpressions). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}

/**
 * True when `labels` satisfy a label selector. An empty selector (`{}`) selects everything,
 * a missing one (`undefined`) nothing: Kubernetes' own meaning for PDBs and NetworkPolicies.
 */
export function selectorMatches(
  selector: LabelSelector | undefined | null,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector || typeof selector !== 'object') return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== String(v)) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = (e.values ?? []).map(String);
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[e.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A Service's plain selector: selects nothing when empty or missing. */
export function mapSelectorMatches(
  selector: Record<string, string> | undefined | null,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === String(v));
}

/** Parses `a=b,c=d` (the form of KUBERNETES_LABELS) into a selector; `undefined` when malformed. */
export function parseLabelString(text: string): LabelSelector | undefined {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const neq = part.match(/^([^!=\s]+)\s*!=\s*(\S*)$/);
    const eq = part.match(/^([^!=\s]+)\s*==?\s*(\S*)$/);
    if (neq)
      matchExpressions.push({
        key: neq[1],
        operator: 'NotIn',
        values: [neq[2]],
      });
    else if (eq) matchLabels[eq[1]] = eq[2];
    else if (/^!\S+$/.test(part))
      matchExpressions.push({ key: part.slice(1), operator: 'DoesNotExist' });
    else if (/^\S+$/.test(part))
      matchExpressions.push({ key: part, operator: 'Exists' });
    else return undefined;
  }
  return { matchLabels, matchExpressions };
}
