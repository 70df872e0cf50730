import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import { TranslatingCatalogClient } from './TranslatingCatalogClient';

const TEMPLATES_DIR = join(__dirname, '../../../../templates');

/** The repository's templates, as the catalog answers them. */
const TEMPLATES: Entity[] = readdirSync(TEMPLATES_DIR, { withFileTypes: true })
  .filter(d => d.isDirectory())
  .sort((a, b) => a.name.localeCompare(b.name))
  .map(d =>
    parse(readFileSync(join(TEMPLATES_DIR, d.name, 'template.yaml'), 'utf8')),
  );
const COMPONENT: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'todo',
    title: 'Todo',
    description: 'A todo list',
    'ui:translations': { fr: { title: 'Tâches' } },
  },
  spec: {},
};
const ENTITIES = [...TEMPLATES, COMPONENT];

/**
 * A catalog backend answering from {@link ENTITIES}, whole whatever the fields asked:
 * `requests` lists what it was asked, `fields` the fields of each request naming some.
 */
function catalog(language: string) {
  const requests: string[] = [];
  const fields: string[][] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json' },
    });
  const fetch = async (input: string, init?: RequestInit) => {
    const url = new URL(input);
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    const asked = init?.body
      ? JSON.parse(String(init.body)).fields
      : url.searchParams.get('fields')?.split(',');
    if (asked) fields.push(asked);
    if (url.pathname === '/api/catalog/entities') return json(ENTITIES);
    if (url.pathname === '/api/catalog/entities/by-query')
      return json({ items: ENTITIES, totalItems: 5, pageInfo: {} });
    if (url.pathname === '/api/catalog/entities/by-refs')
      return json({ items: [TEMPLATES[0], null] });
    const byName = url.pathname.match(
      /^\/api\/catalog\/entities\/by-name\/([^/]+)\/[^/]+\/([^/]+)$/,
    );
    const found = ENTITIES.find(
      e =>
        e.kind.toLowerCase() === byName?.[1] && e.metadata.name === byName[2],
    );
    return found ? json(found) : new Response('', { status: 404 });
  };
  const client = new TranslatingCatalogClient({
    discoveryApi: { getBaseUrl: async () => 'http://portal.test/api/catalog' },
    fetchApi: { fetch: fetch as typeof globalThis.fetch },
    appLanguageApi: {
      getLanguage: () => ({ language }),
      getAvailableLanguages: () => ({ languages: ['en', 'fr'] }),
      setLanguage: () => {},
      language$: () => ({} as any),
    },
  });
  return { client, requests, fields };
}

const titles = (items: (Entity | undefined)[]) =>
  items.map(e => e?.metadata.title);

describe('TranslatingCatalogClient', () => {
  it("asks for the translations with an entity presentation's fields, and answers without them", async () => {
    const { client, fields } = catalog('fr');
    const presentation = ['kind', 'metadata.name', 'metadata.title'];
    const { items } = await client.getEntitiesByRefs({
      entityRefs: ['template:default/galera-cluster', 'template:default/gone'],
      fields: presentation,
    });
    expect(fields).toEqual([[...presentation, 'metadata.ui:translations']]);
    expect(titles(items)).toEqual(['Cluster MariaDB Galera', undefined]);
    expect(items[0]!.metadata).not.toHaveProperty('ui:translations');

    await client.getEntities({ fields: ['kind', 'metadata.name'] });
    expect(fields[1]).toEqual(['kind', 'metadata.name']);
  });

  it("gives every template's card its title and description in French", async () => {
    const { client } = catalog('fr');
    const { items } = await client.getEntities({
      filter: { kind: 'Template' },
    });
    expect(titles(items)).toEqual(
      expect.arrayContaining([
        'Cluster MariaDB Galera',
        "Registre d'images hautement disponible",
        'Volume NFS-HA partagé',
        'Service Tomcat hautement disponible',
      ]),
    );
    for (const [i, template] of items.slice(0, TEMPLATES.length).entries()) {
      const english = TEMPLATES[i].metadata;
      expect(template.metadata.title).not.toBe(english.title);
      expect(template.metadata.description).not.toBe(english.description);
      // The scaffolder's client still finds the form's translations on the entity.
      expect(template.metadata['ui:translations']).toEqual(
        english['ui:translations'],
      );
    }
  });

  it('leaves every other kind as the catalog has it', async () => {
    const { client } = catalog('fr');
    const { items } = await client.getEntities();
    expect(items[items.length - 1]).toEqual(COMPONENT);
  });

  it('answers in English as the catalog does', async () => {
    const { client } = catalog('en');
    expect((await client.getEntities()).items).toEqual(ENTITIES);
  });

  it("translates the list's pages, a run's heading and a template's entity page", async () => {
    const { client, requests } = catalog('fr-CA');
    const galera = TEMPLATES[0].metadata.name;

    const page = await client.queryEntities({ filter: { kind: 'Template' } });
    expect(titles(page.items)).toContain('Service Tomcat hautement disponible');

    const streamed: Entity[] = [];
    for await (const items of client.streamEntities()) streamed.push(...items);
    expect(titles(streamed)).toEqual(titles(page.items));

    const byRefs = await client.getEntitiesByRefs({
      entityRefs: [`template:default/${galera}`, 'template:default/gone'],
    });
    expect(titles(byRefs.items)).toEqual(['Cluster MariaDB Galera', undefined]);

    const one = await client.getEntityByRef(`template:default/${galera}`);
    expect(one?.metadata.description).toMatch(/^Un cluster MariaDB Galera/);
    expect(await client.getEntityByRef('template:default/gone')).toBe(
      undefined,
    );
    expect(requests).toEqual([
      'GET /api/catalog/entities/by-query',
      'GET /api/catalog/entities/by-query',
      'POST /api/catalog/entities/by-refs',
      'GET /api/catalog/entities/by-name/template/default/galera-cluster',
      'GET /api/catalog/entities/by-name/template/default/gone',
    ]);
  });
});
