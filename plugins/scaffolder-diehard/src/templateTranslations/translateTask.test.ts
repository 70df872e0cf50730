import type {
  LogEvent,
  ScaffolderTask,
} from '@backstage/plugin-scaffolder-common';
import { translateLogEvent, translateTask } from './translateTask';

const task = {
  id: 't1',
  status: 'processing',
  createdAt: '2026-12-06T00:00:00Z',
  spec: {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    parameters: { name: 'todo' },
    steps: [
      {
        id: 'build',
        name: 'Build the image',
        action: 'diehard:image:build',
        input: { tags: ['latest'] },
        'ui:translations': { fr: { name: "Construire l'image" } },
      },
      { id: 'push', name: 'Push the image', action: 'diehard:image:push' },
    ],
    output: {
      links: [
        {
          title: 'Repository',
          url: '${{ steps.publish.output.remoteUrl }}',
          'ui:translations': { fr: { title: 'Dépôt' } },
        },
      ],
    },
    templateInfo: {
      entityRef: 'template:default/tomcat-ha-service',
      entity: {
        metadata: {
          name: 'tomcat-ha-service',
          title: 'Highly available Tomcat service',
          'ui:translations': {
            fr: { title: 'Service Tomcat hautement disponible' },
          },
        },
      },
    },
  },
} as unknown as ScaffolderTask;

describe('a run in the user’s language', () => {
  it('names its steps and its template in French, and keeps what the run does', () => {
    const fr = translateTask(task, 'fr');
    expect(fr.spec.steps.map(s => s.name)).toEqual([
      "Construire l'image",
      'Push the image',
    ]);
    expect(fr.spec.steps[0]).toEqual({
      id: 'build',
      name: "Construire l'image",
      action: 'diehard:image:build',
      input: { tags: ['latest'] },
    });
    expect(fr.spec.templateInfo?.entity?.metadata.title).toBe(
      'Service Tomcat hautement disponible',
    );
    expect(fr.spec.parameters).toEqual({ name: 'todo' });

    const en = translateTask(task, 'en');
    expect(en.spec.steps.map(s => s.name)).toEqual([
      'Build the image',
      'Push the image',
    ]);
    expect(JSON.stringify(en)).not.toContain('ui:translations');
  });

  it('titles the links of a finished run in French', () => {
    const completion = {
      id: 9,
      taskId: 't1',
      type: 'completion',
      createdAt: '2026-12-06T00:01:00Z',
      body: {
        message: 'Run completed with status: completed',
        status: 'completed',
        output: {
          links: [
            {
              title: 'Open in the catalog',
              entityRef: 'component:default/todo',
              'ui:translations': { fr: { title: 'Ouvrir dans le catalogue' } },
            },
          ],
          text: [
            {
              title: 'HA posture',
              content: 'Grade A (100/100).',
              'ui:translations': {
                fr: { title: 'Posture HA', content: 'Note A (100/100).' },
              },
            },
          ],
        },
      },
    } as unknown as LogEvent;
    expect((translateLogEvent(completion, 'fr').body as any).output).toEqual({
      links: [
        {
          title: 'Ouvrir dans le catalogue',
          entityRef: 'component:default/todo',
        },
      ],
      text: [{ title: 'Posture HA', content: 'Note A (100/100).' }],
    });
    const log = { ...completion, type: 'log', body: { message: 'x' } };
    expect(translateLogEvent(log as LogEvent, 'fr')).toBe(log);
  });
});
