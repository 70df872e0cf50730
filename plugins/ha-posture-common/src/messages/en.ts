/**
 * The English text of every finding message, single point of failure and remediation the
 * engine writes, one entry per message id, `{{param}}` placeholders. The engine builds its
 * English strings from these, and the portal and the CLI translate the same ids.
 *
 * @public
 */
export const FINDING_MESSAGES_EN = {
  'phrase.node': 'node {{node}}',
  'phrase.nodeRunning': 'the node running {{workload}}',
  'phrase.nodeHoldingIp': 'the node holding {{ip}}',

  'replicas.spof':
    'if {{node}} fails, {{service}} loses {{workload}} until it is rescheduled',
  'replicas-bare-pod.message':
    'Pod {{pod}} is not managed by a controller: if its node fails, nothing recreates it.',
  'replicas-bare-pod.remediation':
    'Run it from a Deployment (or StatefulSet) with at least 2 replicas:\n\n{{snippet}}',
  'replicas-hpa-min.message':
    'HorizontalPodAutoscaler {{hpa}} may scale {{workload}} down to {{replicas}} replica.',
  'replicas-hpa-min.remediation':
    'Set the HPA floor to at least 2:\n\n{{snippet}}',
  'replicas-single.message':
    '{{workload}} runs {{replicas}} replica: a node failure or an eviction stops it.',
  'replicas-single.remediation':
    'Run at least 2 replicas (3 for a quorum-based database):\n\n{{snippet}}',
  'replicas-live-unready.message':
    '{{workload}} declares {{replicas}} replicas but only {{ready}} of its {{pods}} pods are ready.',
  'replicas-live-unready.remediation':
    'Find why pods are not ready (kubectl describe pod, readiness probe, events) and fix it before relying on the replica count.',

  'spread-live-one-node.message':
    'All {{pods}} live pods of {{workload}} run on node {{node}}, whatever the affinity declares.',
  'spread-live-one-node.remediation':
    'Make the anti-affinity required (or add nodes) and reschedule:\n\n{{snippet}}',
  'spread-live-one-node.spof':
    'if node {{node}} fails, {{service}} loses every replica of {{workload}}',
  'spread-live-one-zone.message':
    'The {{pods}} live pods of {{workload}} run on {{nodes}} nodes, all in zone {{zone}}, although the cluster spans {{zones}} zones.',
  'spread-live-one-zone.remediation':
    'Spread over zones and reschedule:\n\n{{snippet}}',
  'spread-live-one-zone.spof':
    'if zone {{zone}} fails, {{service}} loses every replica of {{workload}}',
  'spread-selector-mismatch.message':
    '{{workload}} declares anti-affinity or spread constraints, but their selector does not match its own pod labels, so they spread nothing.',
  'spread-selector-mismatch.remediation':
    "Select the workload's own pods in every term:\n\n{{snippet}}",
  'spread-no-anti-affinity.message':
    '{{workload}} has {{replicas}} replicas but no podAntiAffinity on kubernetes.io/hostname and no topologySpreadConstraints: they may all land on one node.',
  'spread-no-anti-affinity.remediation':
    'Spread replicas over nodes and zones:\n\n{{snippet}}',

  'disruption-no-pdb.message':
    'No PodDisruptionBudget selects the pods of {{workload}}: a node drain may evict all {{replicas}} replicas at once.',
  'disruption-pdb-blocks-drain.message':
    'PodDisruptionBudget {{pdb}} allows no eviction of {{workload}} ({{replicas}} replicas): node drains and upgrades block.',
  'disruption-pdb-blocks-drain.remediation':
    'Allow one pod at a time:\n\n{{snippet}}',
  'disruption-pdb-protects-nothing.message':
    'PodDisruptionBudget {{pdb}} lets every pod of {{workload}} be evicted at once: it protects nothing.',

  'probes-no-readiness.message':
    'Container {{container}} of {{workload}} serves traffic but has no readinessProbe: it receives requests while starting or failing.',

  'rollout-recreate.message':
    '{{workload}} uses strategy Recreate: every update stops all {{replicas}} replicas before starting new ones.',
  'rollout-max-unavailable.message':
    '{{workload}} allows {{maxUnavailable}} unavailable pods during a rolling update, i.e. all {{replicas}}.',

  'sessions.spof.allOnOne':
    'if {{node}} fails, {{service}} loses all its sessions',
  'sessions.spof.spread':
    'if a node running {{workload}} fails, {{service}} loses the sessions held there',
  'sessions-manager-override.message':
    '{{workload}}: context.xml declares <Manager className="{{className}}">, which overrides {{overridden}}: sessions stay in one pod.',
  'sessions-manager-override.withStore.message':
    '{{workload}}: context.xml declares <Manager className="{{className}}" with {{store}}>, which overrides {{overridden}}: sessions stay in one pod.',
  'sessions-manager-override.clusterManager':
    "the cluster's replicating manager",
  'sessions-manager-override.anyReplication': 'any replication',
  'sessions-manager-override.remediation':
    "Remove the <Manager> from context.xml (the <Cluster>'s DeltaManager then applies), or use a replicating one:\n\n{{snippet}}",
  'sessions-not-replicated.message':
    "{{workload}} runs Tomcat with {{serverXml}} and no <Cluster>: each user's HTTP session lives in one pod's memory.",
  'sessions-not-replicated.defaultServerXml': "the image's default server.xml",
  'sessions-not-replicated.remediation':
    'Mount a server.xml with session replication (and mark the app <distributable/>):\n\n{{snippet}}',
  'sessions-not-distributable.message':
    "{{workload}} has a <Cluster>, but its web.xml lacks <distributable/>: Tomcat keeps the application's sessions local.",
  'sessions-multicast-membership.message':
    "{{workload}} finds its cluster members by multicast (Tomcat's default McastService), which most Kubernetes networks do not carry: members may never see each other.",

  'sessions-membership.spof':
    'if a {{workload}} pod fails, {{service}} loses the sessions it held (replication cannot work)',
  'sessions-membership-rbac.message':
    '{{workload}} uses Kubernetes membership, but {{why}}: Tomcat cannot discover its peers.',
  'sessions-membership-rbac.noBinding':
    'no RoleBinding binds ServiceAccount {{serviceAccount}}',
  'sessions-membership-rbac.noList':
    'the roles bound to ServiceAccount {{serviceAccount}} do not allow list on pods',
  'sessions-membership-namespace.message':
    '{{workload}} uses Kubernetes membership but container {{container}} does not set KUBERNETES_NAMESPACE: the membership provider does not know where to look for peers.',
  'sessions-membership-labels.message':
    '{{workload}} looks for cluster peers with {{variable}}={{value}}, which does not match its own pod labels: it will never find them.',
  'sessions-receiver-blocked.ingress.message':
    'NetworkPolicy {{policies}} blocks ingress traffic on the cluster receiver port {{port}} between the pods of {{workload}}: sessions cannot replicate.',
  'sessions-receiver-blocked.egress.message':
    'NetworkPolicy {{policies}} blocks egress traffic on the cluster receiver port {{port}} between the pods of {{workload}}: sessions cannot replicate.',

  'galera.nodes.one': '{{nodes}} node',
  'galera.nodes.other': '{{nodes}} nodes',
  'galera.nodes.oneWithArbitrator': '{{nodes}} node + an arbitrator',
  'galera.nodes.otherWithArbitrator': '{{nodes}} nodes + an arbitrator',
  'galera.problem.noMajority':
    '{{nodes}}: losing one leaves no majority, the survivors stop accepting writes',
  'galera.problem.evenVotes':
    '{{nodes}}: an even vote count splits into two halves with no majority on a network partition',
  'database-galera-quorum.message':
    'Galera cluster {{workload}} runs {{problem}}.',
  'database-galera-quorum.remediation':
    'Run an odd number of Galera nodes, at least 3 (or add a garbd arbitrator to an even count):\n\n{{snippet}}',
  'database-galera-quorum.spof':
    'if one {{workload}} node fails, {{service}} loses its database quorum',

  'database.remediation.service':
    'Point the DSN at a Service in front of the replicated cluster (or list every member for failover):\n\n{{snippet}}',
  'database-galera-client.message':
    '{{workload}} connects ({{dsn}}) to Galera cluster {{galera}}, which runs {{problem}}.',
  'database-galera-client.remediation':
    'Run {{galera}} with an odd number of nodes, at least 3:\n\n{{snippet}}',
  'database-galera-client.spof':
    'if one {{galera}} node fails, {{service}} loses its database',
  'database-localhost.message':
    '{{workload}} connects to {{dsn}}, but no container of its pod runs a database: the connection fails, or reaches whatever listens on the node (hostNetwork) and dies with it.',
  'database-localhost.remediation':
    "Name the database's Service instead of localhost (a Service in front of a replicated cluster):\n\n{{snippet}}",
  'database-localhost.spof':
    'if the node running {{workload}} fails, {{service}} loses its database',
  'database-single-member.message':
    '{{workload}} connects to {{dsn}}, a single member ({{member}}) of {{cluster}}: when that member fails the application loses its database although the cluster survives.',
  'database-single-member.spof':
    'if database member {{member}} fails, {{service}} loses its database',
  'database-single-host.emptyService.message':
    '{{workload}} connects to {{dsn}} through Service {{dbService}}, which selects no database pods here: nothing shows a replicated cluster behind it.',
  'database-single-host.emptyService.remediation':
    'Run the database as a replicated cluster behind that Service, or declare an external HA endpoint with the annotation diehard.io/highly-available: "true" on the Service.',
  'database-single-host.message':
    '{{workload}} connects to the single database host {{host}} ({{dsn}}), which is not a replicated cluster known here.',
  'database-single-host.remediation':
    '{{pointAtService}}\n\nIf {{host}} is a highly available endpoint, declare it on the Secret/ConfigMap:\n\n{{snippet}}',
  'database-single-host.spof':
    'if database host {{host}} fails, {{service}} loses its database',
  'database-single-replica.message':
    '{{workload}} connects to {{dsn}}, served by {{databases}} with {{replicas}} replica.',
  'database-single-replica.remediation':
    'Replicate the database (e.g. a 3-node Galera StatefulSet) behind Service {{dbService}}:\n\n{{snippet}}',
  'database-single-replica.spof':
    'if the node running {{database}} fails, {{service}} loses its database',

  'database-unseen.message':
    '{{workload}} uses a database Diehard cannot see: {{why}}. Its database posture is unknown.',
  'database-unseen.hidden':
    'its database host comes from {{source}}, which is not among the objects read',
  'database-unseen.hints':
    'it sets {{variables}} but no database host or connection string',
  'database-unseen.image':
    'its image {{image}} needs a database server, and no host or connection string is set: it is in the image or its defaults',
  'database-unseen.remediation':
    'Name the database where Diehard can read it: an env var set in the manifest, or a ConfigMap/Secret in the same manifests that the container reads (env valueFrom, envFrom or a mounted config file):\n\n{{snippet}}',

  'storage-rwo-shared.message':
    '{{workload}} runs {{replicas}} replicas but mounts PersistentVolumeClaim {{claim}} with {{accessModes}}: replicas on other nodes cannot mount it, and the data cannot follow a failed node.',
  'storage-rwo-shared.remediation':
    'Use a ReadWriteMany class for shared data (or a StatefulSet with volumeClaimTemplates for per-pod data):\n\n{{snippet}}',
  'storage-rwo-shared.spof':
    'if the node holding volume {{claim}} fails, {{service}} cannot reach its data',

  'storage-hostpath.message':
    '{{workload}} writes to hostPath {{path}} (volume {{volume}}): the data stays on one node and is lost to the pod when it moves.',
  'storage-hostpath.remediation':
    'Use a PersistentVolumeClaim instead:\n\n{{snippet}}',
  'storage-hostpath.spof':
    'if {{node}} fails, {{service}} loses the data in {{path}}',

  'storage.local.hostPathPv': 'PersistentVolume {{pv}} (hostPath {{path}})',
  'storage.local.localPv': 'PersistentVolume {{pv}} (local {{path}})',
  'storage.local.more':
    '{{volume}} (or one of {{more}} more node-local volumes of class "{{storageClass}}")',
  'storage.local.provisioner':
    'StorageClass {{storageClass}} (provisioner {{provisioner}}, a directory or disk of one node)',
  'storage.local.className':
    'StorageClass {{storageClass}} (a host-local class wherever it ships)',
  'storage-node-local-volume.message':
    '{{workload}} keeps its data on {{claimKind}} {{claim}}, served by {{why}}: the data stays on one node and is lost to the pod when that node fails.',
  'storage-node-local-volume.remediation':
    'Use a replicated storage class (the volume must be reachable from every node), or run the application replicated with one volume per replica (a StatefulSet with volumeClaimTemplates and 3 replicas):\n\n{{snippet}}',
  'storage-node-local-volume.spof':
    'if {{node}} fails, {{service}} loses the data of {{claim}}',

  'storage-nfs-single-host.message':
    '{{workload}} mounts NFS volume {{volume}} from the single server {{server}}.',
  'storage-nfs-single-host.pv.message':
    '{{workload}} stores data on PersistentVolume {{pv}}, served by the single NFS server {{server}}.',
  'storage-nfs-single-host.claim.message':
    'Claim {{claim}} is bound to PersistentVolume {{pv}}, served by the single NFS server {{server}}: every workload that mounts it will depend on that host.',
  'storage-nfs-single-host.remediation':
    'Serve NFS from a failover pair behind a virtual address and declare it on the PersistentVolume, or on the StorageClass whose provisioner creates such volumes:\n\n{{snippet}}\n\nor use a replicated storage class (ReadWriteMany).',
  'storage-nfs-single-host.spof':
    'if NFS server {{server}} fails, {{service}} loses its shared storage',

  'ingress.reason.missing': 'does not exist',
  'ingress.reason.empty': 'selects no pods',
  'ingress-backend-broken.message':
    '{{kind}} {{ingress}} routes to Service {{backend}}, which {{reason}}: those paths answer 503.',
  'ingress-backend-broken.remediation':
    'Point the backend at a Service that selects running pods:\n\n{{snippet}}',
  'ingress-backend-broken.object.message':
    '{{kind}} {{ingress}} routes to Service {{backend}}, which {{reason}}: its paths answer 503.',
  'ingress-backend-broken.object.remediation':
    'Point the backend at a Service whose selector matches running pods, or create the missing Service.',
  'ingress-service-selects-nothing.message':
    "Service {{serviceName}} selects no workload's pods (selector {{selector}}): traffic sent to it goes nowhere.",
  'ingress-service-selects-nothing.remediation':
    "Make spec.selector match the pod template labels of the workload it fronts:\n\nspec:\n  selector: {app: <the pods' app label>}",

  'ingress-host-port.hostNetwork.message':
    '{{workload}} takes traffic on the host network: clients must reach the node it happens to run on.',
  'ingress-host-port.message':
    '{{workload}} takes traffic on hostPort {{hostPort}}: clients must reach the node it happens to run on.',
  'ingress-host-port.remediation':
    'Remove hostPort/hostNetwork and expose the pods through a Service and an Ingress:\n\n{{snippet}}',
  'ingress.spof': 'if {{node}} fails, traffic to {{service}} stops',
  'ingress-node-pinned.externalIp.message':
    'Service {{serviceName}} takes outside traffic on the single external IP {{ip}}.',
  'ingress-node-pinned.message':
    'Service {{serviceName}} ({{type}}) exposes {{workload}}, whose pods are pinned to node {{node}}: the entry point is that node.',
  'ingress-node-pinned.remediation':
    'Let traffic enter through an Ingress (or a LoadBalancer) served by several nodes, and do not pin the pods to one node.',

  'image-unpinned.message':
    'Container {{container}} of {{workload}} uses image {{image}}: pods restarted later may run different code.',
  'image-unpinned.noTag.message':
    'Container {{container}} of {{workload}} uses image {{image}} (no tag, i.e. latest): pods restarted later may run different code.',
  'image-unpinned.remediation': 'Pin a version (or a digest):\n\n{{snippet}}',

  'resources-no-requests.message':
    'Container {{container}} of {{workload}} has no {{missing}} request: the scheduler may overcommit its node and evict it first.',
  'resources-no-requests.both': '{{first}} and {{second}}',

  'network-no-policy.message':
    'No NetworkPolicy selects the pods of {{workload}}.',

  'control-plane-api-servers.message':
    'The cluster runs {{apiServers}} API server: while it is down nothing can be scheduled, scaled or healed.',
  'control-plane-api-servers.remediation':
    'Run 3 control-plane nodes (kubeadm join --control-plane) behind a load-balanced API address.',
  'control-plane-api-servers.spof':
    'if the API server fails, the cluster cannot reschedule or heal anything',
  'control-plane-etcd-members.single.message':
    'etcd runs {{members}} member: losing one loses quorum.',
  'control-plane-etcd-members.few.message':
    'etcd runs {{members}} members: losing one loses quorum.',
  'control-plane-etcd-members.even.message':
    'etcd runs {{members}} members: an even count adds no failure tolerance and can split.',
  'control-plane-etcd-members.remediation':
    'Run 3 (or 5) etcd members, one per control-plane node.',
  'control-plane-etcd-members.spof':
    'if an etcd member fails, the cluster loses its state store quorum',
  'control-plane-etcd-quorum.last.message':
    'etcd has {{alive}} of {{members}} members up: it keeps quorum, but no further member failure is tolerated.',
  'control-plane-etcd-quorum.lost.message':
    'etcd has {{alive}} of {{members}} members up: quorum is lost, the API refuses writes.',
  'control-plane-etcd-quorum.remediation':
    'Restart or replace the etcd members that are down (etcdctl member list shows them).',
  'control-plane-etcd-quorum.spof':
    'if one more etcd member fails, the cluster loses its state store quorum',
  'control-plane-zones.message':
    'All {{nodes}} control-plane nodes are in zone {{zone}}: losing that zone loses the control plane.',
  'control-plane-zones.remediation':
    'Spread the control-plane nodes over 3 zones (label topology.kubernetes.io/zone).',
  'control-plane-zones.spof':
    'if zone {{zone}} fails, the cluster loses every API server and etcd member',
  'control-plane-unknown.apiServers.message':
    'The cluster does not show how many API servers it runs: the grade cannot pass on what it cannot see.',
  'control-plane-unknown.apiServers.remediation':
    'Let the portal read leases in kube-system (API server identity leases, Kubernetes 1.26+) or the default/kubernetes EndpointSlice.',
  'control-plane-unknown.apiServers.spof':
    'the number of API servers is unknown: one may be all there is',
  'control-plane-unknown.etcdMembers.message':
    'The cluster does not show how many etcd members it runs: the grade cannot pass on what it cannot see.',
  'control-plane-unknown.etcdMembers.remediation':
    'Let the portal read pods in kube-system: the etcd pods (component=etcd) or the --etcd-servers flag of the API server pods show the members.',
  'control-plane-unknown.etcdMembers.spof':
    'the number of etcd members is unknown: one may be all there is',
  'control-plane-unreachable.message':
    "The cluster's API did not answer the portal ({{reason}}): its control plane may have lost its API servers or its etcd quorum.",
  'control-plane-unreachable.remediation':
    "Check the API servers and etcd members (etcdctl endpoint health), then the portal's credentials for this cluster.",
  'control-plane-unreachable.spof':
    'while the API does not answer, nothing can be deployed, scaled or rescheduled',
  'control-plane-ingress-controller.message':
    'Ingress controller {{kind}} {{object}} runs {{replicas}} replica: every Ingress of the cluster depends on it.',
  'control-plane-ingress-controller.spof':
    'if the node running ingress controller {{name}} fails, every service behind an Ingress becomes unreachable',
  'control-plane-registry.message':
    'Image registry {{kind}} {{object}} runs {{replicas}} replica: no pod can be (re)started from its images while it is down.',
  'control-plane-registry.spof':
    'if the node running registry {{name}} fails, no pod can pull its image',
  'source.none.noWorkload':
    'no workload labelled for this entity in {{clusters}}, and no manifests named by {{annotations}}',
  'source.none.notAnnotated':
    'not evaluated: {{entity}} has none of the annotations {{annotations}}',
  'evidence.noPdb': 'PodDisruptionBudget selecting pod labels: none',
  'evidence.noNetworkPolicy': 'NetworkPolicy selecting pod labels: none',
  'evidence.fieldAbsent': '{{field}}: absent',
  'evidence.noSpread':
    'spec.template.spec.affinity.podAntiAffinity and topologySpreadConstraints: absent',
  'evidence.unsetOne': '{{field}}: (unset, 1)',
  'evidence.barePod': 'kind: Pod (no ownerReferences)',
  'evidence.readyPods': 'ready pods: {{ready}}/{{pods}}',
  'evidence.zoneOfNodes':
    'nodes {{nodes}}: topology.kubernetes.io/zone={{zone}}',
  'evidence.selectorVsLabels': '{{selector}} vs pod labels {{labels}}',
  'evidence.pinnedToNode': 'pod spec pinned to kubernetes.io/hostname={{node}}',
  'evidence.ingressBackend': 'backend.service.name: {{service}} ({{why}})',
  'evidence.hiddenSource': '{{variable}} from {{source}} (not in the input)',
  'evidence.serviceAccount': 'serviceAccountName: {{serviceAccount}}; {{why}}',
  'evidence.noNamespaceVariable':
    'containers[{{container}}].env: no KUBERNETES_NAMESPACE / OPENSHIFT_KUBE_PING_NAMESPACE',
  'evidence.receiverBlocked.ingress':
    'Ingress policies selecting the pods allow no peer {{workload}} pod on port {{port}}',
  'evidence.receiverBlocked.egress':
    'Egress policies selecting the pods allow no peer {{workload}} pod on port {{port}}',
  'evidence.noClusterElement':
    '{{origin}}: no <Cluster> element outside comments',
  'evidence.serverXmlNotMounted':
    'server.xml: not mounted (image default has no <Cluster>)',
  'evidence.notDistributable': '{{origin}}: no <distributable/>',
  'evidence.multicastMembership':
    '{{origin}}: <Cluster> without a cloud <Membership>',
  'evidence.etcdReady': 'etcd members Ready: {{alive}} of {{members}}',
  'evidence.etcdMembers': 'etcd members: {{members}}',
  'evidence.apiServers': 'API servers: {{apiServers}} ({{source}})',
  'evidence.controlPlaneZone':
    'control-plane nodes per zone: {{zone}}: {{nodes}}',
  'evidence.unknownFact': '{{fact}}: unknown',
  'evidence.apiUnreachable': 'API: {{reason}}',

  'source.none.anyConfiguredCluster': 'any configured cluster',
  'source.none.anyClusterRead': 'any cluster read',
  'source.cluster.needsUserToken':
    'cluster "{{cluster}}" uses {{authProvider}}: it is read with the signed-in user\'s own token, which a scheduled refresh does not have; press Refresh, signed in, to read it as you',
  'source.cluster.noAnswer':
    'cluster "{{cluster}}" did not answer the read: {{failure}}',
};

/**
 * A message id the engine can emit.
 *
 * @public
 */
export type FindingMessageId = keyof typeof FINDING_MESSAGES_EN;
