import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { TemplateParameterSchema } from '@backstage/plugin-scaffolder-common';
import type { JsonObject } from '@backstage/types';
import {
  TRANSLATIONS_KEY,
  translateParameterSchema,
} from './translateParameterSchema';

const manifest = (steps: JsonObject[]): TemplateParameterSchema => ({
  title: 'Highly available Tomcat service',
  steps: steps.map(schema => ({
    title: String(schema.title),
    description: schema.description as string | undefined,
    schema,
  })),
});

const serviceStep: JsonObject = {
  title: 'Where it runs',
  'ui:translations': { fr: { title: 'Où il tourne' } },
  required: ['sessionManager'],
  properties: {
    sessionManager: {
      title: 'Session replication',
      description: 'How Tomcat replicates HTTP sessions between the pods.',
      default: 'DeltaManager',
      enum: ['DeltaManager', 'BackupManager'],
      enumNames: ['DeltaManager (every pod)', 'BackupManager (one backup)'],
      'ui:help': 'DeltaManager up to about 4 replicas.',
      'ui:translations': {
        fr: {
          title: 'Réplication des sessions',
          description: 'Comment Tomcat réplique les sessions HTTP.',
          enumNames: ['DeltaManager (chaque pod)', 'BackupManager (une copie)'],
          'ui:help': "DeltaManager jusqu'à environ 4 réplicas.",
        },
      },
    },
    // A field named like a JSON Schema keyword is still a field.
    default: {
      title: 'Default',
      'ui:translations': { fr: { title: 'Par défaut' } },
    },
  },
};

/** Every value under `key`, anywhere in `value`. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap(v => valuesOf(v, key));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === key ? [v, ...valuesOf(v, key)] : valuesOf(v, key),
  );
}

describe('a template form in the user’s language', () => {
  it('shows the French of each step and field, options included, and leaves the values alone', () => {
    const fr = translateParameterSchema(manifest([serviceStep]), 'fr', {
      'ui:translations': {
        fr: { title: 'Service Tomcat hautement disponible' },
      },
    });
    expect(fr.title).toBe('Service Tomcat hautement disponible');
    expect(fr.steps[0].title).toBe('Où il tourne');
    const field = (fr.steps[0].schema.properties as any).sessionManager;
    expect(field).toMatchObject({
      title: 'Réplication des sessions',
      description: 'Comment Tomcat réplique les sessions HTTP.',
      enumNames: ['DeltaManager (chaque pod)', 'BackupManager (une copie)'],
      'ui:help': "DeltaManager jusqu'à environ 4 réplicas.",
      default: 'DeltaManager',
      enum: ['DeltaManager', 'BackupManager'],
    });
    expect((fr.steps[0].schema.properties as any).default.title).toBe(
      'Par défaut',
    );
    expect(valuesOf(fr, TRANSLATIONS_KEY)).toEqual([]);
  });

  it('falls back from a regional French to French, and keeps the template’s text in a language it lacks', () => {
    const canada = translateParameterSchema(manifest([serviceStep]), 'fr-CA');
    expect(canada.steps[0].title).toBe('Où il tourne');

    const english = translateParameterSchema(manifest([serviceStep]), 'en');
    expect(english.steps[0].title).toBe('Where it runs');
    expect(
      (english.steps[0].schema.properties as any).sessionManager,
    ).toMatchObject({
      title: 'Session replication',
      enumNames: ['DeltaManager (every pod)', 'BackupManager (one backup)'],
    });
    expect(english.title).toBe('Highly available Tomcat service');
    expect(valuesOf(english, TRANSLATIONS_KEY)).toEqual([]);
  });

  it('keeps the template’s own text where a translation is malformed', () => {
    const broken = translateParameterSchema(
      manifest([
        {
          title: 'Data',
          'ui:translations': { fr: { title: 42 } },
          properties: {
            nodes: {
              title: 'Galera nodes',
              enumNames: ['three', 'five'],
              'ui:translations': {
                fr: { title: ['Nœuds'], enumNames: ['trois'] },
              },
            },
            size: { title: 'Size', 'ui:translations': 'Taille' },
            owner: { title: 'Owner', 'ui:translations': { fr: null } },
          },
        },
      ]),
      'fr',
    );
    expect(broken.steps[0].title).toBe('Data');
    expect(broken.steps[0].schema.properties).toEqual({
      nodes: { title: 'Galera nodes', enumNames: ['three', 'five'] },
      size: { title: 'Size' },
      owner: { title: 'Owner' },
    });
  });
});

it('keeps a field named __proto__ a field, and touches no prototype', () => {
  const step = JSON.parse(
    '{"title":"Data","properties":{"__proto__":{"title":"Proto","ui:translations":{"fr":{"title":"Proto FR"}}}}}',
  );
  const fr = translateParameterSchema(manifest([step]), 'fr');
  const properties = fr.steps[0].schema.properties as JsonObject;
  expect(Object.getOwnPropertyNames(properties)).toEqual(['__proto__']);
  expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  expect(
    Object.getOwnPropertyDescriptor(properties, '__proto__')?.value,
  ).toEqual({ title: 'Proto FR' });
  expect(({} as any).title).toBeUndefined();
});

describe("the repository's templates", () => {
  const templatesDir = path.resolve(__dirname, '../../../../templates');
  const templates = fs
    .readdirSync(templatesDir)
    .filter(t => fs.existsSync(path.join(templatesDir, t, 'template.yaml')));

  /** Each part of a template whose text a user reads, with where it is and what it says. */
  function textNodes(template: any): Array<[string, JsonObject, string[]]> {
    const out: Array<[string, JsonObject, string[]]> = [
      ['metadata', template.metadata, ['title', 'description']],
    ];
    const form = ['title', 'description', 'enumNames', 'ui:help'];
    [template.spec.parameters].flat().forEach((step: any, i: number) => {
      out.push([`form step ${i + 1}`, step, form]);
      for (const [name, field] of Object.entries(step.properties ?? {}))
        out.push([`form step ${i + 1} ${name}`, field as JsonObject, form]);
    });
    for (const step of template.spec.steps)
      out.push([`run step ${step.id}`, step, ['name']]);
    for (const link of template.spec.output?.links ?? [])
      out.push([`output link ${link.title}`, link, ['title']]);
    for (const text of template.spec.output?.text ?? [])
      out.push([`output text ${text.title}`, text, ['title', 'content']]);
    return out;
  }

  it.each(templates)(
    '%s has French for its title, description, form, run steps and output',
    name => {
      const template = parse(
        fs.readFileSync(path.join(templatesDir, name, 'template.yaml'), 'utf8'),
      );
      const untranslated: string[] = [];
      for (const [where, node, keys] of textNodes(template)) {
        const fr = (node[TRANSLATIONS_KEY] as any)?.fr ?? {};
        for (const key of keys)
          if (node[key] !== undefined && fr[key] === undefined)
            untranslated.push(`${where}: ${key}`);
      }
      expect(untranslated).toEqual([]);

      const french = translateParameterSchema(
        {
          title: template.metadata.title,
          steps: [template.spec.parameters]
            .flat()
            .map((schema: any) => ({ title: schema.title, schema })),
        },
        'fr',
        template.metadata,
      );
      expect(french.title).toBe(template.metadata[TRANSLATIONS_KEY].fr.title);
      expect(valuesOf(french, TRANSLATIONS_KEY)).toEqual([]);
    },
  );
});
