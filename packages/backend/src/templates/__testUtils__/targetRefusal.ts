import { ScaffolderUnderTest } from './scaffolderDryRun';

/**
 * Targets the lab configuration (labScaffolderConfig: cluster `lab`, namespace
 * `diehard-apps`) does not open, as a user could send them with the form's pickers
 * bypassed (the API, an edited request): field, value, the refusal's message.
 */
export const REFUSED_TARGETS: Array<[string, string, RegExp]> = [
  [
    'cluster',
    'https://10.0.0.1:6443',
    /^cluster "https:\/\/10\.0\.0\.1:6443" is not a cluster templates may deploy to \(open to you: lab;/,
  ],
  [
    'cluster',
    'prod',
    /^cluster "prod" is not a cluster templates may deploy to \(open to you: lab;/,
  ],
  [
    'namespace',
    'kube-system',
    /^namespace "kube-system" is not allowed on cluster "lab" \(allowed: diehard-apps\)$/,
  ],
];

/**
 * Runs the template with `values` and says what a user would see: the answer's status
 * and error, the Diehard steps that ran, the files generated.
 */
export async function refusalOf(
  scaffolder: ScaffolderUnderTest,
  template: string,
  values: Record<string, unknown>,
) {
  const r = await scaffolder.dryRun(template, values);
  return {
    status: r.status,
    error: r.body.error?.name,
    message: r.body.error?.message,
    actionsRun: r.actionsRun,
    files: [...r.files.keys()],
  };
}

/**
 * What {@link refusalOf} gives when the first step refuses the target with `message`,
 * before any other step: nothing generated, graded, built, pushed, applied or
 * published.
 */
export const refusedAtFirstStep = (message: RegExp) => ({
  status: 400,
  error: 'InputError',
  message: expect.stringMatching(message),
  actionsRun: ['diehard:kubernetes:check-target'],
  files: [],
});
