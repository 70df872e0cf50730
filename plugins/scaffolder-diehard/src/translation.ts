import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';

/**
 * Every string the Diehard scaffolder fields show, in English.
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
