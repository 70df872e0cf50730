import type { TranslationApi } from '@backstage/frontend-plugin-api';
import type { LogEvent } from '@backstage/plugin-scaffolder-common';
import { frenchTranslationApi } from '../__testUtils__/frenchTranslationApi';
import { TranslatingScaffolderClient } from './TranslatingScaffolderClient';

/** The task, and its run's events, as the scaffolder backend answers (recorded answers). */
const TASK = {
  id: 't1',
  status: 'failed',
  createdAt: '2026-12-06T00:00:00Z',
  spec: {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    parameters: {},
    output: {},
    steps: [
      {
        id: 'check-target',
        name: 'Check the target cluster',
        action: 'diehard:kubernetes:check-target',
        'ui:translations': { fr: { name: 'Vérifier le cluster cible' } },
      },
      { id: 'register', name: 'Register', action: 'catalog:register' },
    ],
  },
};
const log = (id: number, stepId: string | undefined, message: string) =>
  ({
    id,
    taskId: 't1',
    type: 'log',
    createdAt: '2026-12-06T00:00:00Z',
    body: { ...(stepId && { stepId }), message },
  } as LogEvent);
const EVENTS: LogEvent[] = [
  log(1, undefined, 'Starting up task with 2 steps'),
  log(2, 'check-target', 'Beginning step Check the target cluster'),
  log(3, 'check-target', 'Finished step Check the target cluster'),
  log(4, 'fetch', 'info: Template result written to /tmp/0bddab38-5770'),
  log(
    5,
    'register',
    'info: Registering http://git.test/dev/todo/raw/main/catalog-info.yaml in the catalog',
  ),
  log(
    6,
    'register',
    'ConflictError: Location already exists\n    at CatalogClient.addLocation (/srv/portal/node_modules/@backstage/catalog-client/dist/index.cjs.js:312:13)',
  ),
  {
    id: 7,
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

function client(
  language: string,
  translationApi: TranslationApi = frenchTranslationApi,
) {
  return new TranslatingScaffolderClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://portal.test/api/scaffolder',
    },
    fetchApi: {
      fetch: (async (url: string) =>
        new Response(JSON.stringify(url.includes('/events') ? EVENTS : TASK), {
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
    translationApi,
  });
}

function received(
  language: string,
  translationApi?: TranslationApi,
): Promise<LogEvent[]> {
  return new Promise((resolve, reject) => {
    const events: LogEvent[] = [];
    client(language, translationApi)
      .streamLogs({ taskId: 't1' })
      .subscribe({
        next: e => events.push(e),
        error: reject,
        complete: () => resolve(events),
      });
  });
}

const messages = (events: LogEvent[]) => events.map(e => e.body.message);

/**
 * The English log the user reads: Backstage's lines, no server folder, the failed step's
 * error alone.
 */
const RUNNER_LINES_WITHOUT_STACK = [
  'Starting up task with 2 steps',
  'Beginning step Check the target cluster',
  'Finished step Check the target cluster',
  'info: Template result written to the workspace',
  'info: Registering http://git.test/dev/todo/raw/main/catalog-info.yaml in the catalog',
  'ConflictError: Location already exists',
  'Run failed',
];

describe('TranslatingScaffolderClient.streamLogs', () => {
  it("shows a run's log in French: Backstage's lines, its steps' names, the output, no stack", async () => {
    const events = await received('fr');
    expect(messages(events)).toEqual([
      'Démarrage de la tâche : 2 étapes',
      "Début de l'étape « Vérifier le cluster cible »",
      "Fin de l'étape « Vérifier le cluster cible »",
      "info: Projet écrit dans l'espace de travail",
      'info: Enregistrement de http://git.test/dev/todo/raw/main/catalog-info.yaml dans le catalogue',
      'ConflictError: Location already exists',
      'Run failed',
    ]);
    expect((events[6].body as any).output.links[0].title).toBe(
      'Ouvrir dans le catalogue',
    );
  });

  it('leaves the English log as the runner wrote it, without the stack', async () => {
    const events = await received('en');
    expect(messages(events)).toEqual(RUNNER_LINES_WITHOUT_STACK);
    expect((events[6].body as any).output.links[0].title).toBe(
      'Open in the catalog',
    );
  });

  it('shows the log, untranslated, when the French never loads', async () => {
    const neverLoaded: TranslationApi = {
      getTranslation: () => ({ ready: false } as any),
      translation$: () =>
        ({
          subscribe: () => ({ unsubscribe: () => {}, closed: false }),
        } as any),
    };
    const events = await received('fr', neverLoaded);
    expect(messages(events)).toEqual(RUNNER_LINES_WITHOUT_STACK);
  }, 15_000);
});
