import { InputError } from '@backstage/errors';

type Requirement =
  | { key: string; op: 'exists' | 'absent' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

/** A parsed Kubernetes label selector (`app=web,tier in (a,b),!legacy`). */
export interface LabelSelector {
  matches(labels: Record<string, string> | undefined): boolean;
  /** One `key=value` every match carries, when the selector has one: for index look-ups. */
  readonly required?: string;
}

/** Splits on the commas that separate requirements, not those inside `in (a,b)`. */
function requirementsOf(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(Boolean);
}

function parseRequirement(text: string, selector: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(text);
  if (set) {
    const values = set[3].split(',').map(v => v.trim());
    return { key: set[1], op: set[2] as 'in' | 'notin', values };
  }
  const equality = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(text);
  if (equality) {
    const op = equality[2] === '!=' ? 'notin' : 'in';
    return { key: equality[1], op, values: [equality[3]] };
  }
  if (/^![^!=\s()]+$/.test(text)) return { key: text.slice(1), op: 'absent' };
  if (/^[^!=\s()]+$/.test(text)) return { key: text, op: 'exists' };
  throw new InputError(
    `cannot read '${text}' in the label selector '${selector}'`,
  );
}

/** Reads a label selector the way the Kubernetes API server does, to match in memory. */
export function parseLabelSelector(selector: string): LabelSelector {
  const requirements = requirementsOf(selector).map(r =>
    parseRequirement(r, selector),
  );
  const equality = requirements.find(
    r => r.op === 'in' && r.values.length === 1,
  ) as { key: string; values: string[] } | undefined;
  return {
    required: equality && `${equality.key}=${equality.values[0]}`,
    matches(labels = {}) {
      return requirements.every(r => {
        const has = Object.prototype.hasOwnProperty.call(labels, r.key);
        switch (r.op) {
          case 'exists':
            return has;
          case 'absent':
            return !has;
          case 'in':
            return has && r.values.includes(labels[r.key]);
          case 'notin':
            return !has || !r.values.includes(labels[r.key]);
          default:
            return false;
        }
      });
    },
  };
}
