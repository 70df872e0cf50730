import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const templatesDir = path.resolve(__dirname, '../../../../../templates');

/**
 * What the Create page fills in before the user types anything: the `default` of every
 * parameter of the template's form (templates/<name>/template.yaml), all pages.
 */
export function formDefaults(template: string): Record<string, unknown> {
  const doc = YAML.parse(
    fs.readFileSync(path.join(templatesDir, template, 'template.yaml'), 'utf8'),
  );
  const defaults: Record<string, unknown> = {};
  for (const page of doc.spec.parameters) {
    for (const [key, schema] of Object.entries<any>(page.properties ?? {})) {
      if (schema.default !== undefined) defaults[key] = schema.default;
    }
  }
  return defaults;
}

/** Fields the form requires, all pages. */
export function formRequired(template: string): string[] {
  const doc = YAML.parse(
    fs.readFileSync(path.join(templatesDir, template, 'template.yaml'), 'utf8'),
  );
  return doc.spec.parameters.flatMap((p: any) => p.required ?? []);
}
