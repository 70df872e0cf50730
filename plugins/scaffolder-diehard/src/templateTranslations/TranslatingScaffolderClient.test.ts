import type { LogEvent } from '@backstage/plugin-scaffolder-common';
import { TranslatingScaffolderClient } from './TranslatingScaffolderClient';

/** A run's events as the scaffolder backend answers a long poll (a recorded answer). */
const EVENTS: LogEvent[] = [
  {
    id: 1,
    taskId: 't1',
    type: 'log',
    createdAt: '2026-12-06T00:00:00Z',
    body: {
      stepId: 'register',
      status: 'failed',
      message:
        'ConflictError: Location already exists\n    at CatalogClient.addLocation (/srv/portal/node_modules/@backstage/catalog-client/dist/index.cjs.js:312:13)',
    },
  },
  {
    id: 2,
    taskId: 't1',
    type: 'completion',
    createdAt: '2026-12-06T00:00:01Z',
    body: {
      message: 'Run failed',
      output: {
        links: [
          {
            title: 'Open in the catalog',
            'ui:translations': { fr: { title: 'Ouvrir dans le catalogue' } },
          },
        ],
      },
    },
  } as LogEvent,
];

function client(language: string) {
  return new TranslatingScaffolderClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://portal.test/api/scaffolder',
    },
    fetchApi: {
      fetch: (async () =>
        new Response(JSON.stringify(EVENTS), {
          headers: { 'content-type': 'application/json' },
        })) as typeof fetch,
    },
    scmIntegrationsApi: {} as any,
    useLongPollingLogs: true,
    appLanguageApi: {
      getLanguage: () => ({ language }),
      getAvailableLanguages: () => ({ languages: ['en', 'fr'] }),
      setLanguage: () => {},
      language$: () => ({} as any),
    },
    catalogApi: { getEntityByRef: async () => undefined },
  });
}

function received(language: string): Promise<LogEvent[]> {
  return new Promise((resolve, reject) => {
    const events: LogEvent[] = [];
    client(language)
      .streamLogs({ taskId: 't1' })
      .subscribe({
        next: e => events.push(e),
        error: reject,
        complete: () => resolve(events),
      });
  });
}

describe('TranslatingScaffolderClient.streamLogs', () => {
  it("shows a failed step's error without the server's files, and the output in the user's language", async () => {
    const [log, completion] = await received('fr');
    expect(log.body.message).toBe('ConflictError: Location already exists');
    expect((completion.body as any).output.links[0].title).toBe(
      'Ouvrir dans le catalogue',
    );
    const [, english] = await received('en');
    expect((english.body as any).output.links[0].title).toBe(
      'Open in the catalog',
    );
  });
});
