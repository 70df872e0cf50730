import { selectsWorkloadPods } from './podLabels';

/**
 * A Kubernetes label selector (matchLabels + matchExpressions).
 *
 * @public
 */
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
 *
 * @public
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

/** A plain selector on the labels as they are (no labels Kubernetes adds): nothing when empty or missing. */
export function mapSelectorMatches(
  selector: Record<string, string> | undefined | null,
  labels: Record<string, string> | undefined,
): boolean {
  return selectsWorkloadPods(selector, { kind: '', name: '', labels });
}

/** Splits on the commas that separate requirements, not those inside `in (a,b)`. */
function requirementsOf(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

/**
 * Reads a label selector in Kubernetes' string syntax, as the API server does (`app=web`,
 * `app==web`, `tier!=db`, `tier in (a,b)`, `tier notin (a)`, `key`, `!key`), into a
 * {@link LabelSelector}; or names the first requirement it cannot read.
 *
 * @public
 */
export function readLabelSelector(
  text: string,
): { selector: LabelSelector } | { unreadable: string } {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  for (const part of requirementsOf(text)) {
    const set = /^([^!=\s()]+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(part);
    const equality = /^([^!=\s()]+)\s*(==|=|!=)\s*([^!=\s(),]*)$/.exec(part);
    if (set)
      matchExpressions.push({
        key: set[1],
        operator: set[2] === 'in' ? 'In' : 'NotIn',
        values: set[3].split(',').map(v => v.trim()),
      });
    else if (equality && equality[2] === '!=')
      matchExpressions.push({
        key: equality[1],
        operator: 'NotIn',
        values: [equality[3]],
      });
    else if (equality) matchLabels[equality[1]] = equality[3];
    else if (/^![^!=\s()]+$/.test(part))
      matchExpressions.push({ key: part.slice(1), operator: 'DoesNotExist' });
    else if (/^[^!=\s()]+$/.test(part))
      matchExpressions.push({ key: part, operator: 'Exists' });
    else return { unreadable: part };
  }
  return { selector: { matchLabels, matchExpressions } };
}

/** Parses `a=b,c=d` (the form of KUBERNETES_LABELS) into a selector; `undefined` when malformed. */
export function parseLabelString(text: string): LabelSelector | undefined {
  const read = readLabelSelector(text);
  return 'selector' in read ? read.selector : undefined;
}
