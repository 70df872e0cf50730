import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';

/** The English of {@link scaffolderDiehardTranslationRef}, for what must speak before any language loads. */
export const englishMessages = {
  loading: 'Loading the clusters you may deploy to…',
  loadFailed: 'Could not load the clusters you may deploy to: {{message}}',
  more: '{{count}} more',
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
  builtinLog: {
    fetching: 'Fetching template content from remote URL',
    listing: 'Listing files and directories in template',
    processing:
      'Processing {{count}} template files/directories with input values {{values}}',
    writingFile:
      'Writing file {{path}} to template output path with mode {{mode}}.',
    writingDirectory: 'Writing directory {{path}} to template output path.',
    written: 'Template result written to the workspace',
    gitInit: 'Init git repository',
    gitAdd: 'Adding the files',
    gitCommit: 'Committing: {{message}}',
    gitPush: 'Pushing to the remote repository',
    registering: 'Registering {{url}} in the catalog',
  },
  entityName: {
    taken:
      '“{{name}}” is already in the catalog ({{ref}}): choose another name.',
  },
  galeraCluster: {
    withNodes: '{{name}} ({{nodes}} nodes)',
    here: 'In {{where}}: {{clusters}}.',
    noneHere:
      'No Galera cluster in {{where}} yet: create one first with the MariaDB Galera cluster template.',
    notHere:
      'No Galera cluster “{{name}}” in {{where}}: choose one of {{clusters}}.',
    noneYet:
      'No Galera cluster “{{name}}” in {{where}}, nor any other yet: create it first with the MariaDB Galera cluster template (a cluster just created appears here within a minute).',
    otherNodes:
      '“{{name}}” has {{nodes}} nodes, not {{asked}}: choose {{nodes}} under Galera nodes.',
  },
  storageClass: {
    highlyAvailable: 'highly available',
    nodeLocal: 'one node only',
    default: 'default',
    here: 'On {{cluster}}: {{classes}}.',
    none: 'The cluster {{cluster}} has no storage class: ask its administrators for one.',
    notHere:
      'No storage class “{{name}}” on {{cluster}}: choose one of {{classes}}.',
    notListed:
      'The storage classes of {{cluster}} could not be listed: the first step of the run checks this name.',
    notShared:
      '“{{name}}” keeps each volume on one node of {{cluster}}: the replicas on other nodes could not share it, and its data would be lost with that node. Choose one of {{classes}}.',
    noShared:
      '“{{name}}” keeps each volume on one node of {{cluster}}: the replicas on other nodes could not share it, and its data would be lost with that node. Ask its administrators for a shared class.',
  },
  ingressHost: {
    taken:
      'The host “{{host}}” is already served by Ingress {{ingress}} on {{cluster}}: choose another host name, or remove that Ingress first.',
    takenElsewhere:
      'The host “{{host}}” is already served by an Ingress of another namespace on {{cluster}}: choose another host name.',
  },
  namespacePicker: {
    chooseCluster: 'Choose a cluster first.',
    none: 'No namespace is open to deployments on {{cluster}}.',
    notAllowed:
      'Namespace “{{namespace}}” is not open to deployments on {{cluster}}.',
  },
} as const;

/**
 * Every string the Diehard scaffolder fields show, in English, and the lines of Backstage's
 * runner (`runLog`) and of its own actions (`builtinLog`) in a run's log, as they write them.
 *
 * @public
 */
export const scaffolderDiehardTranslationRef = createTranslationRef({
  id: 'scaffolder-diehard',
  messages: englishMessages,
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
