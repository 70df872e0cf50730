import type { LogEvent } from '@backstage/plugin-scaffolder-common';
import fr from '../translations/fr';
import { StepNames, translateRunnerLine } from './runnerLines';

/** Diehard's French catalog, interpolated as i18next does: a stand-in for the app's t. */
const french = (line: string, params: Record<string, string>) =>
  (fr.messages as Record<string, string>)[`runLog.${line}`].replace(
    /{{(\w+)}}/g,
    (_, p) => params[p],
  );

const steps: StepNames = new Map([
  [
    'fetch',
    { name: 'Generate the manifests', shown: 'Générer les manifestes' },
  ],
  ['gate', { name: 'Check the HA posture', shown: 'Vérifier la posture HA' }],
]);

const line = (message: string, stepId?: string) =>
  translateRunnerLine(
    {
      id: 1,
      taskId: 't1',
      type: 'log',
      createdAt: '2026-12-06T00:00:00Z',
      body: { message, ...(stepId && { stepId }), status: 'processing' },
    } as LogEvent,
    steps,
    french,
  ).body.message;

describe('translateRunnerLine', () => {
  it("writes each line of Backstage's runner in French, the step by its French name", () => {
    expect([
      line('Starting up task with 9 steps'),
      line('Beginning step Generate the manifests', 'fetch'),
      line('Finished step Generate the manifests', 'fetch'),
      line('Skipping step gate because a previous step failed', 'gate'),
      line('Skipping step gate because its if condition was false', 'gate'),
      line(
        'Skipping step gate because it was already completed in a previous run',
        'gate',
      ),
      line('Step gate has been cancelled.', 'gate'),
      line(
        'Task recovered - resuming from last known good state. 2 step(s) already completed.',
      ),
      line(
        'Skipping because diehard:image:push does not support dry-run',
        'gate',
      ),
    ]).toEqual([
      'Démarrage de la tâche : 9 étapes',
      "Début de l'étape « Générer les manifestes »",
      "Fin de l'étape « Générer les manifestes »",
      'Étape « Vérifier la posture HA » sautée : une étape précédente a échoué',
      'Étape « Vérifier la posture HA » sautée : sa condition (if) est fausse',
      "Étape « Vérifier la posture HA » sautée : déjà faite lors d'une exécution précédente",
      'Étape « Vérifier la posture HA » annulée.',
      'Tâche reprise à son dernier état sûr : 2 étape(s) déjà faite(s).',
      "Étape sautée : diehard:image:push ne s'exécute pas à blanc (dry-run)",
    ]);
  });

  it("leaves an action's own lines, and any line whose step it cannot name, as written", () => {
    for (const [message, stepId] of [
      ['Posture HA : note A (100/100), minimum A : réussi', 'gate'],
      ['Beginning step Generate the manifests', 'gate'],
      ['Beginning step Generate the manifests', 'unknown'],
      ['Beginning step Generate the manifests', undefined],
      ['Skipping step __proto__ because a previous step failed', '__proto__'],
      [`Beginning step ${'x'.repeat(5000)}`, 'fetch'],
    ] as const)
      expect(line(message, stepId)).toBe(message);
  });
});
