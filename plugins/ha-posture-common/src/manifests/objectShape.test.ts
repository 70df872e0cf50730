import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { plainlyValid, shapeSchemas } from './objectShape';

const corpus = resolve(__dirname, '../../corpus');

/** Every object of the labeled corpus, Lists flattened. */
function corpusObjects(): any[] {
  const out: any[] = [];
  for (const category of readdirSync(corpus))
    for (const name of readdirSync(join(corpus, category)))
      for (const file of readdirSync(join(corpus, category, name))) {
        if (!file.endsWith('.yaml') || file === 'expected.yaml') continue;
        const text = readFileSync(join(corpus, category, name, file), 'utf8');
        for (const doc of parseAllDocuments(text)) {
          const v = doc.toJS();
          if (v && typeof v === 'object')
            out.push(...(Array.isArray(v.items) ? v.items : [v]));
        }
      }
  return out.filter(o => o && typeof o === 'object');
}

/** Paths to every value inside `v`, each as a list of keys. */
function paths(v: any, at: Array<string | number> = []): any[][] {
  if (v === null || typeof v !== 'object') return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap(k => paths(v[k], [...at, k]))];
}

function replaced(o: any, path: Array<string | number>, value: unknown): any {
  if (path.length === 0) return value;
  const copy: any = Array.isArray(o) ? [...o] : { ...o };
  copy[path[0]] = replaced(o[path[0]], path.slice(1), value);
  return copy;
}

const WRONG: unknown[] = [
  null,
  undefined,
  0,
  -1.5,
  Infinity,
  NaN,
  '',
  'x',
  '{{ .Values.x }}',
  true,
  [],
  ['x'],
  [1],
  [{ a: 1 }],
  {},
  { a: 'b' },
  { a: 1 },
  { a: [] },
];

describe('plainlyValid (the fast path of the shape check)', () => {
  const objects = corpusObjects();

  it('never accepts what zod rejects, on every field of the corpus replaced by values of every type', () => {
    let checked = 0;
    let rejected = 0;
    for (const o of objects) {
      for (const path of paths(o).filter(p => p.length > 0)) {
        for (const value of WRONG) {
          const m = replaced(o, path, value);
          for (const schema of shapeSchemas(String(m.kind ?? ''))) {
            const fast = plainlyValid(schema, m);
            const zod = schema.safeParse(m).success;
            if (fast && !zod)
              throw new Error(
                `${m.kind} ${path.join('.')} = ${String(
                  value,
                )}: fast path accepts what zod rejects`,
              );
            checked++;
            if (!zod) rejected++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(rejected).toBeGreaterThan(1_000);
  });

  it('accepts the well-formed objects of the corpus itself without zod', () => {
    const valid = objects.filter(o =>
      shapeSchemas(String(o.kind ?? '')).every(s => s.safeParse(o).success),
    );
    expect(valid.length).toBeGreaterThan(100);
    for (const o of valid)
      for (const schema of shapeSchemas(String(o.kind ?? '')))
        expect([o.kind, o.metadata?.name, plainlyValid(schema, o)]).toEqual([
          o.kind,
          o.metadata?.name,
          true,
        ]);
  });
});
