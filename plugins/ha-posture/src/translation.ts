import {
  createTranslationRef,
  createTranslationResource,
} from '@backstage/frontend-plugin-api';

/**
 * Every string the HA posture plugin shows, in English.
 *
 * @public
 */
export const haPostureTranslationRef = createTranslationRef({
  id: 'ha-posture',
  messages: {
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    refreshNotAllowed:
      'The permission policy does not let you refresh the posture of this entity',
    loadFailed: 'Could not load the HA posture: {{message}}',
    refreshFailed: 'Could not refresh the HA posture: {{message}}',
    grade: {
      label: 'Grade {{grade}}',
      none: 'No grade',
      noneLabel: 'Not graded',
    },
    severity: {
      critical: 'Critical',
      warning: 'Warning',
      info: 'Info',
    },
    category: {
      replicas: 'Replicas',
      spread: 'Spread across nodes',
      disruption: 'Disruption budget',
      probes: 'Readiness probes',
      rollout: 'Rollout strategy',
      sessions: 'HTTP sessions',
      database: 'Database',
      storage: 'Storage',
      ingress: 'Entry point',
      image: 'Image tag',
      resources: 'Resource requests',
      network: 'Network policy',
      'control-plane': 'Control plane',
    },
    source: {
      live_one: 'Live from cluster {{clusters}}',
      live_other: 'Live from clusters {{clusters}}',
      manifests: 'From the manifests at {{location}}',
      manifestsAtRoot: 'From the manifests at the root of its repository',
      none: 'Nothing to evaluate',
      noneExplanation:
        'No manifests and no cluster objects were found for this entity ({{reason}}). Add the annotation {{kubernetesId}} to read it live from the clusters, or {{manifestsPath}} to evaluate the manifests in its repository.',
    },
    unknownEntity:
      'The HA posture service does not know this entity yet. It is evaluated once the catalog has processed it.',
    evaluated: 'Evaluated {{when}}',
    page: {
      title: 'HA posture',
    },
    card: {
      title: 'HA posture',
      spofTitle: 'Single points of failure',
      noSpof: 'No single point of failure found.',
    },
    content: {
      summaryTitle: 'Summary',
      findingsTitle: 'Findings by category',
      noFindings: 'No findings: this service survives the failures we check.',
      findingCount_one: '{{count}} finding',
      findingCount_other: '{{count}} findings',
      workload: 'Workload:',
      evidence: 'Evidence:',
      objects: 'Objects:',
      remediation: 'Remediation',
      spof: 'Single point of failure:',
      historyTitle: 'Grade history',
      historyEmpty:
        'No history yet: a point is added each time the grade or the finding counts change.',
      historyFailed: 'Could not load the history: {{message}}',
      historyLabel:
        'Grade from {{first}} on {{firstDay}} to {{last}} on {{lastDay}}',
      historyPoint:
        '{{day}}: grade {{grade}}, critical: {{critical}}, warnings: {{warning}}',
    },
    domains: {
      title: 'Failure domains',
      description:
        'Zones as columns, nodes inside them, each pod coloured by its workload. Red marks a zone or node whose failure takes down every replica of a workload.',
      noPlacement:
        'No pods are running yet (evaluated from manifests), so there is nothing to place on nodes.',
      cluster: 'Cluster {{cluster}}',
      zone: 'Zone {{zone}}',
      noZone: 'No zone label',
      unscheduled: 'Not scheduled',
      node: 'Node {{node}}',
      podNotReady: '{{pod}} (not ready)',
      legend: 'Workloads',
      allReplicasOnNode_one:
        'The only replica of {{workload}} runs on node {{node}}',
      allReplicasOnNode_other:
        'All {{count}} replicas of {{workload}} on node {{node}}',
      allReplicasInZone_one:
        'The only replica of {{workload}} runs in zone {{zone}}',
      allReplicasInZone_other:
        'All {{count}} replicas of {{workload}} in zone {{zone}}',
      ifNodeFails: 'If node {{node}} fails, {{workload}} stops.',
      ifZoneFails: 'If zone {{zone}} fails, {{workload}} stops.',
      spread: 'No node or zone holds every replica of a workload.',
      around: 'Around the pods',
      entryPoints: 'Entry points',
      volumes: 'Volumes',
      databases: 'Databases',
      nothingAround: 'None found',
      noFindingAround: 'No finding names it',
    },
    fleet: {
      tabTitle: 'Services',
      title: 'Every service',
      service: 'Service',
      grade: 'Grade',
      trend: 'Trend',
      owner: 'Owner',
      system: 'System',
      critical: 'Critical',
      warning: 'Warnings',
      evaluatedAt: 'Evaluated',
      source: 'Source',
      sourceType: {
        live: 'Live',
        manifests: 'Manifests',
        none: 'None',
      },
      filterText: 'Filter',
      filterGrade: 'Grade',
      filterOwner: 'Owner',
      all: 'All',
      empty: 'No service matches.',
      trendUp: 'Better than the previous {{previous}}',
      trendDown: 'Worse than the previous {{previous}}',
      trendSame: 'Unchanged since the previous {{previous}}',
      trendNone: 'No previous grade',
      rowsPerPage: 'Rows per page',
      displayedRows: '{from}–{to} of {count}',
      firstPage: 'First page',
      previousPage: 'Previous page',
      nextPage: 'Next page',
      lastPage: 'Last page',
    },
    search: {
      owner: 'Owner: {{owner}}',
      noOwner: 'No owner',
      matching: 'Matching findings',
      findings: 'Findings',
      noFinding: 'No finding: survives the loss of any one machine.',
      around: 'Around its pods:',
    },
    clusters: {
      tabTitle: 'Clusters',
      empty: 'No cluster has been evaluated yet.',
      notEvaluated: 'Cluster {{cluster}} was not read: {{reason}}',
      nodes: 'Nodes',
      nodesPerZone: 'Nodes per zone',
      apiServers: 'API servers',
      etcdMembers: 'etcd members',
      unknown: 'unknown',
      controllerManagers: 'Controller-managers',
      schedulers: 'Schedulers',
      controlPlaneZones: 'Control-plane nodes per zone',
      alive: '{{alive}} of {{members}} up',
      leader: 'leader {{leader}}',
      from: 'from {{source}}: {{objects}}',
      incomplete: 'incomplete',
      incompleteExplanation:
        'The cluster does not show every control-plane fact: the grade cannot pass on what it cannot see.',
      source: {
        'identity-leases': 'API server identity leases',
        'endpoint-slice': 'the default/kubernetes EndpointSlice',
        endpoints: 'the default/kubernetes Endpoints',
        'static-pods': 'control-plane pods in kube-system',
        'etcd-servers-flag': 'the --etcd-servers flag of the API server pods',
        'control-plane-nodes': 'control-plane node labels',
        'etcd-nodes': 'etcd node labels',
        'leader-lease': 'the leader-election lease',
      },
      visibleWith: {
        apiServers:
          'Shown by the API server identity leases in kube-system (the portal needs to read leases) or the default/kubernetes EndpointSlice.',
        etcdMembers:
          'Shown by etcd pods in kube-system (component=etcd) or the --etcd-servers flag of the API server pods.',
        controllerManagers:
          'Shown by kube-controller-manager pods or its leader-election lease in kube-system.',
        schedulers:
          'Shown by kube-scheduler pods or its leader-election lease in kube-system.',
        zones:
          'Shown by nodes labelled node-role.kubernetes.io/control-plane with a topology.kubernetes.io/zone label.',
      },
      findingsTitle: 'Control-plane findings',
      noFindings: 'No control-plane finding.',
    },
  },
});

/**
 * The plugin's translations other than English, for the app to register (the French
 * messages load only when a user picks French).
 *
 * @public
 */
export const haPostureTranslations = createTranslationResource({
  ref: haPostureTranslationRef,
  translations: {
    fr: () => import('./translations/fr'),
  },
});
