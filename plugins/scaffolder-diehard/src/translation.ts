import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';

/**
 * Every string the Diehard scaffolder fields show, in English, and the lines of Backstage's
 * runner in a run's log (`runLog`), as the runner writes them.
 *
 * @public
 */
export const scaffolderDiehardTranslationRef = createTranslationRef({
  id: 'scaffolder-diehard',
  messages: {
    loading: 'Loading the clusters you may deploy to…',
    loadFailed: 'Could not load the clusters you may deploy to: {{message}}',
    clusterPicker: {
      none: 'No cluster is open to you for deployments. Ask Ops for the permission to deploy (diehard.kubernetes.apply).',
      notAllowed: 'Cluster “{{cluster}}” is not one you may deploy to.',
      noToken:
        'Cluster “{{cluster}}” is deployed to with your own sign-in, and none could be had: {{message}}. Sign in and choose it again.',
    },
    runLog: {
      starting: 'Starting up task with {{steps}} steps',
      beginning: 'Beginning step {{step}}',
      finished: 'Finished step {{step}}',
      skippedAfterFailure:
        'Skipping step {{step}} because a previous step failed',
      skippedCondition:
        'Skipping step {{step}} because its if condition was false',
      skippedCompleted:
        'Skipping step {{step}} because it was already completed in a previous run',
      skippedDryRun: 'Skipping because {{action}} does not support dry-run',
      cancelled: 'Step {{step}} has been cancelled.',
      recovered:
        'Task recovered - resuming from last known good state. {{steps}} step(s) already completed.',
    },
    namespacePicker: {
      chooseCluster: 'Choose a cluster first.',
      none: 'No namespace is open to deployments on {{cluster}}.',
      notAllowed:
        'Namespace “{{namespace}}” is not open to deployments on {{cluster}}.',
    },
  },
});

/**
 * The French of {@link scaffolderDiehardTranslationRef}, loaded when a user picks French.
 *
 * @public
 */
export const scaffolderDiehardTranslations = createTranslationResource({
  ref: scaffolderDiehardTranslationRef,
  translations: {
    fr: () => import('./translations/fr'),
  },
});
