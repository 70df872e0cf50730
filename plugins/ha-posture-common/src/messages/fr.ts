import { FindingMessageId } from './en';

/**
 * The French text of every finding message, one entry per id of the English catalog, with the
 * same placeholders. Kubernetes kinds and fields stay as Kubernetes spells them.
 *
 * @public
 */
export const FINDING_MESSAGES_FR: Record<FindingMessageId, string> = {
  'phrase.node': 'le nœud {{node}}',
  'phrase.nodeRunning': 'le nœud qui exécute {{workload}}',
  'phrase.nodeHoldingIp': 'le nœud qui porte {{ip}}',

  'replicas.spof':
    "si {{node}} tombe en panne, {{service}} perd {{workload}} jusqu'à ce qu'il soit replanifié",
  'replicas-bare-pod.message':
    "Le Pod {{pod}} n'est géré par aucun contrôleur : si son nœud tombe en panne, rien ne le recrée.",
  'replicas-bare-pod.remediation':
    "Lancez-le depuis un Deployment (ou un StatefulSet) d'au moins 2 réplicas :\n\n{{snippet}}",
  'replicas-hpa-min.message':
    'Le HorizontalPodAutoscaler {{hpa}} peut réduire {{workload}} à {{replicas}} réplica.',
  'replicas-hpa-min.remediation':
    "Fixez le minimum de l'HPA à 2 réplicas au moins :\n\n{{snippet}}",
  'replicas-single.message':
    "{{workload}} tourne avec {{replicas}} réplica : une panne de nœud ou une éviction l'arrête.",
  'replicas-single.remediation':
    'Faites tourner au moins 2 réplicas (3 pour une base de données à quorum) :\n\n{{snippet}}',
  'replicas-live-unready.message':
    '{{workload}} déclare {{replicas}} réplicas, mais seuls {{ready}} de ses {{pods}} pods sont prêts.',
  'replicas-live-unready.remediation':
    'Trouvez pourquoi les pods ne sont pas prêts (kubectl describe pod, sonde de disponibilité, événements) et corrigez-le avant de compter sur le nombre de réplicas.',

  'spread-live-one-node.message':
    "Les {{pods}} pods actifs de {{workload}} tournent tous sur le nœud {{node}}, quoi que déclare l'affinité.",
  'spread-live-one-node.remediation':
    "Rendez l'anti-affinité obligatoire (ou ajoutez des nœuds) et replanifiez :\n\n{{snippet}}",
  'spread-live-one-node.spof':
    'si le nœud {{node}} tombe en panne, {{service}} perd tous les réplicas de {{workload}}',
  'spread-live-one-zone.message':
    'Les {{pods}} pods actifs de {{workload}} tournent sur {{nodes}} nœuds, tous dans la zone {{zone}}, alors que le cluster couvre {{zones}} zones.',
  'spread-live-one-zone.remediation':
    'Répartissez sur les zones et replanifiez :\n\n{{snippet}}',
  'spread-live-one-zone.spof':
    'si la zone {{zone}} tombe en panne, {{service}} perd tous les réplicas de {{workload}}',
  'spread-selector-mismatch.message':
    "{{workload}} déclare des contraintes d'anti-affinité ou de répartition, mais leur sélecteur ne correspond pas aux labels de ses propres pods : elles ne répartissent rien.",
  'spread-selector-mismatch.remediation':
    'Sélectionnez les propres pods du workload dans chaque terme :\n\n{{snippet}}',
  'spread-no-anti-affinity.message':
    '{{workload}} a {{replicas}} réplicas, mais ni podAntiAffinity sur kubernetes.io/hostname ni topologySpreadConstraints : ils peuvent tous se retrouver sur le même nœud.',
  'spread-no-anti-affinity.remediation':
    'Répartissez les réplicas sur les nœuds et les zones :\n\n{{snippet}}',

  'disruption-no-pdb.message':
    "Aucun budget de perturbation (PodDisruptionBudget) ne sélectionne les pods de {{workload}} : un drain de nœud peut évincer les {{replicas}} réplicas d'un coup.",
  'disruption-pdb-blocks-drain.message':
    "Le PodDisruptionBudget {{pdb}} n'autorise aucune éviction de {{workload}} ({{replicas}} réplicas) : les drains de nœuds et les mises à niveau restent bloqués.",
  'disruption-pdb-blocks-drain.remediation':
    'Autorisez un pod à la fois :\n\n{{snippet}}',
  'disruption-pdb-protects-nothing.message':
    "Le PodDisruptionBudget {{pdb}} laisse évincer tous les pods de {{workload}} d'un coup : il ne protège rien.",

  'probes-no-readiness.message':
    "Le conteneur {{container}} de {{workload}} reçoit du trafic mais n'a pas de sonde de disponibilité (readinessProbe) : il reçoit des requêtes pendant son démarrage ou ses pannes.",

  'rollout-recreate.message':
    '{{workload}} utilise la stratégie Recreate : chaque mise à jour arrête les {{replicas}} réplicas avant de démarrer les nouveaux.',
  'rollout-max-unavailable.message':
    '{{workload}} autorise {{maxUnavailable}} pods indisponibles pendant une mise à jour progressive, soit tous les {{replicas}}.',

  'sessions.spof.allOnOne':
    'si {{node}} tombe en panne, {{service}} perd toutes ses sessions',
  'sessions.spof.spread':
    "si un nœud qui exécute {{workload}} tombe en panne, {{service}} perd les sessions qui s'y trouvaient",
  'sessions-manager-override.message':
    '{{workload}} : context.xml déclare <Manager className="{{className}}">, qui remplace {{overridden}} : les sessions restent dans un seul pod.',
  'sessions-manager-override.withStore.message':
    '{{workload}} : context.xml déclare <Manager className="{{className}}"> avec {{store}}, qui remplace {{overridden}} : les sessions restent dans un seul pod.',
  'sessions-manager-override.clusterManager':
    'le gestionnaire de réplication du cluster',
  'sessions-manager-override.anyReplication': 'toute réplication',
  'sessions-manager-override.remediation':
    "Retirez le <Manager> de context.xml (le DeltaManager du <Cluster> s'applique alors), ou utilisez-en un qui réplique :\n\n{{snippet}}",
  'sessions-not-replicated.message':
    "{{workload}} fait tourner Tomcat avec {{serverXml}} et sans <Cluster> : la session HTTP de chaque utilisateur vit dans la mémoire d'un seul pod.",
  'sessions-not-replicated.defaultServerXml':
    "le server.xml par défaut de l'image",
  'sessions-not-replicated.remediation':
    "Montez un server.xml avec réplication de sessions (et marquez l'application <distributable/>) :\n\n{{snippet}}",
  'sessions-not-distributable.message':
    "{{workload}} a un <Cluster>, mais son web.xml n'a pas <distributable/> : Tomcat garde les sessions de l'application en local.",
  'sessions-multicast-membership.message':
    '{{workload}} découvre les membres de son cluster par multicast (le McastService par défaut de Tomcat), que la plupart des réseaux Kubernetes ne transportent pas : les membres risquent de ne jamais se voir.',

  'sessions-membership.spof':
    "si un pod de {{workload}} tombe en panne, {{service}} perd les sessions qu'il détenait (la réplication ne peut pas fonctionner)",
  'sessions-membership-rbac.message':
    '{{workload}} utilise la découverte des membres par Kubernetes, mais {{why}} : Tomcat ne peut pas découvrir ses pairs.',
  'sessions-membership-rbac.noBinding':
    'aucun RoleBinding ne lie le ServiceAccount {{serviceAccount}}',
  'sessions-membership-rbac.noList':
    "les rôles liés au ServiceAccount {{serviceAccount}} n'autorisent pas le verbe list sur les pods",
  'sessions-membership-namespace.message':
    '{{workload}} utilise la découverte des membres par Kubernetes, mais le conteneur {{container}} ne définit pas KUBERNETES_NAMESPACE : le fournisseur de membres ne sait pas où chercher ses pairs.',
  'sessions-membership-labels.message':
    '{{workload}} cherche ses pairs de cluster avec {{variable}}={{value}}, qui ne correspond pas aux labels de ses propres pods : il ne les trouvera jamais.',
  'sessions-receiver-blocked.ingress.message':
    'La NetworkPolicy {{policies}} bloque le trafic entrant sur le port {{port}} du récepteur du cluster entre les pods de {{workload}} : les sessions ne peuvent pas être répliquées.',
  'sessions-receiver-blocked.egress.message':
    'La NetworkPolicy {{policies}} bloque le trafic sortant sur le port {{port}} du récepteur du cluster entre les pods de {{workload}} : les sessions ne peuvent pas être répliquées.',

  'galera.nodes.one': '{{nodes}} nœud',
  'galera.nodes.other': '{{nodes}} nœuds',
  'galera.nodes.oneWithArbitrator': '{{nodes}} nœud + un arbitre',
  'galera.nodes.otherWithArbitrator': '{{nodes}} nœuds + un arbitre',
  'galera.problem.noMajority':
    "{{nodes}} : en perdre un ne laisse aucune majorité, les survivants n'acceptent plus d'écritures",
  'galera.problem.evenVotes':
    "{{nodes}} : un nombre pair de votes se coupe en deux moitiés sans majorité lors d'une partition réseau",
  'database-galera-quorum.message':
    'Le cluster Galera {{workload}} tourne avec {{problem}}.',
  'database-galera-quorum.remediation':
    'Faites tourner un nombre impair de nœuds Galera, au moins 3 (ou ajoutez un arbitre garbd à un nombre pair) :\n\n{{snippet}}',
  'database-galera-quorum.spof':
    'si un nœud de {{workload}} tombe en panne, {{service}} perd le quorum de sa base de données',

  'database.remediation.service':
    'Faites pointer le DSN sur un Service devant le cluster répliqué (ou listez tous les membres pour la bascule) :\n\n{{snippet}}',
  'database-galera-client.message':
    '{{workload}} se connecte ({{dsn}}) au cluster Galera {{galera}}, qui tourne avec {{problem}}.',
  'database-galera-client.remediation':
    'Faites tourner {{galera}} avec un nombre impair de nœuds, au moins 3 :\n\n{{snippet}}',
  'database-galera-client.spof':
    'si un nœud de {{galera}} tombe en panne, {{service}} perd sa base de données',
  'database-localhost.message':
    "{{workload}} se connecte à {{dsn}}, mais aucun conteneur de son pod n'exécute de base de données : la connexion échoue, ou atteint ce qui écoute sur le nœud (hostNetwork) et tombe avec lui.",
  'database-localhost.remediation':
    'Nommez le Service de la base de données au lieu de localhost (un Service devant un cluster répliqué) :\n\n{{snippet}}',
  'database-localhost.spof':
    'si le nœud qui exécute {{workload}} tombe en panne, {{service}} perd sa base de données',
  'database-single-member.message':
    "{{workload}} se connecte à {{dsn}}, un seul membre ({{member}}) de {{cluster}} : quand ce membre tombe en panne, l'application perd sa base de données alors que le cluster survit.",
  'database-single-member.spof':
    'si le membre de base de données {{member}} tombe en panne, {{service}} perd sa base de données',
  'database-single-host.emptyService.message':
    '{{workload}} se connecte à {{dsn}} via le Service {{dbService}}, qui ne sélectionne ici aucun pod de base de données : rien ne montre de cluster répliqué derrière lui.',
  'database-single-host.emptyService.remediation': `Faites tourner la base de données en cluster répliqué derrière ce Service, ou déclarez un point d'accès HA externe avec l'annotation diehard.io/highly-available: "true" sur le Service.`,
  'database-single-host.message':
    "{{workload}} se connecte à l'hôte de base de données unique {{host}} ({{dsn}}), qui n'est pas un cluster répliqué connu ici.",
  'database-single-host.remediation':
    "{{pointAtService}}\n\nSi {{host}} est un point d'accès hautement disponible, déclarez-le sur le Secret/ConfigMap :\n\n{{snippet}}",
  'database-single-host.spof':
    "si l'hôte de base de données {{host}} tombe en panne, {{service}} perd sa base de données",
  'database-single-replica.message':
    '{{workload}} se connecte à {{dsn}}, servi par {{databases}} avec {{replicas}} réplica.',
  'database-single-replica.remediation':
    'Répliquez la base de données (par exemple un StatefulSet Galera de 3 nœuds) derrière le Service {{dbService}} :\n\n{{snippet}}',
  'database-single-replica.spof':
    'si le nœud qui exécute {{database}} tombe en panne, {{service}} perd sa base de données',

  'database-unseen.message':
    '{{workload}} utilise une base de données que Diehard ne voit pas : {{why}}. Sa posture de base de données est inconnue.',
  'database-unseen.hidden':
    "l'hôte de sa base de données vient de {{source}}, qui ne fait pas partie des objets lus",
  'database-unseen.hints':
    'il définit {{variables}} mais aucun hôte de base de données ni chaîne de connexion',
  'database-unseen.image':
    "son image {{image}} a besoin d'un serveur de base de données, et aucun hôte ni chaîne de connexion n'est défini : il se trouve dans l'image ou ses valeurs par défaut",
  'database-unseen.remediation':
    "Nommez la base de données là où Diehard peut la lire : une variable d'environnement définie dans le manifeste, ou un ConfigMap/Secret des mêmes manifestes que le conteneur lit (env valueFrom, envFrom ou un fichier de configuration monté) :\n\n{{snippet}}",

  'storage-rwo-shared.message':
    '{{workload}} tourne avec {{replicas}} réplicas mais monte la revendication de volume (PersistentVolumeClaim) {{claim}} en {{accessModes}} : les réplicas des autres nœuds ne peuvent pas la monter, et les données ne peuvent pas suivre un nœud en panne.',
  'storage-rwo-shared.remediation':
    'Utilisez une classe ReadWriteMany pour les données partagées (ou un StatefulSet avec volumeClaimTemplates pour les données par pod) :\n\n{{snippet}}',
  'storage-rwo-shared.spof':
    "si le nœud qui porte le volume {{claim}} tombe en panne, {{service}} n'accède plus à ses données",

  'storage-hostpath.message':
    '{{workload}} écrit dans le hostPath {{path}} (volume {{volume}}) : les données restent sur un seul nœud et sont perdues pour le pod quand il change de nœud.',
  'storage-hostpath.remediation':
    'Utilisez plutôt une revendication de volume (PersistentVolumeClaim) :\n\n{{snippet}}',
  'storage-hostpath.spof':
    'si {{node}} tombe en panne, {{service}} perd les données de {{path}}',

  'storage.local.hostPathPv': 'le PersistentVolume {{pv}} (hostPath {{path}})',
  'storage.local.localPv': 'le PersistentVolume {{pv}} (local {{path}})',
  'storage.local.more':
    "{{volume}} (ou l'un des {{more}} autres volumes locaux à un nœud de la classe « {{storageClass}} »)",
  'storage.local.provisioner':
    "la StorageClass {{storageClass}} (provisionneur {{provisioner}}, un répertoire ou un disque d'un seul nœud)",
  'storage.local.className':
    'la StorageClass {{storageClass}} (une classe locale au nœud quelle que soit la distribution)',
  'storage-node-local-volume.message':
    '{{workload}} garde ses données sur le {{claimKind}} {{claim}}, servi par {{why}} : les données restent sur un seul nœud et sont perdues pour le pod quand ce nœud tombe en panne.',
  'storage-node-local-volume.remediation':
    "Utilisez une classe de stockage répliquée (le volume doit être joignable depuis tous les nœuds), ou faites tourner l'application répliquée avec un volume par réplica (un StatefulSet avec volumeClaimTemplates et 3 réplicas) :\n\n{{snippet}}",
  'storage-node-local-volume.spof':
    'si {{node}} tombe en panne, {{service}} perd les données de {{claim}}',

  'storage-nfs-single-host.message':
    '{{workload}} monte le volume NFS {{volume}} depuis le serveur unique {{server}}.',
  'storage-nfs-single-host.pv.message':
    '{{workload}} stocke ses données sur le PersistentVolume {{pv}}, servi par le serveur NFS unique {{server}}.',
  'storage-nfs-single-host.claim.message':
    'La claim {{claim}} est liée au PersistentVolume {{pv}}, servi par le serveur NFS unique {{server}} : chaque workload qui la montera dépendra de cet hôte.',
  'storage-nfs-single-host.remediation':
    'Servez le NFS depuis une paire en bascule derrière une adresse virtuelle et déclarez-le sur le PersistentVolume, ou sur la StorageClass dont le provisionneur crée de tels volumes :\n\n{{snippet}}\n\nou utilisez une classe de stockage répliquée (ReadWriteMany).',
  'storage-nfs-single-host.spof':
    'si le serveur NFS {{server}} tombe en panne, {{service}} perd son stockage partagé',

  'ingress.reason.missing': "n'existe pas",
  'ingress.reason.empty': 'ne sélectionne aucun pod',
  'ingress-backend-broken.message':
    '{{kind}} {{ingress}} route vers le Service {{backend}}, qui {{reason}} : ces chemins répondent 503.',
  'ingress-backend-broken.remediation':
    'Faites pointer le backend sur un Service qui sélectionne des pods en service :\n\n{{snippet}}',
  'ingress-backend-broken.object.message':
    '{{kind}} {{ingress}} route vers le Service {{backend}}, qui {{reason}} : ses chemins répondent 503.',
  'ingress-backend-broken.object.remediation':
    'Faites pointer le backend sur un Service dont le sélecteur correspond à des pods en service, ou créez le Service manquant.',
  'ingress-service-selects-nothing.message':
    "Le Service {{serviceName}} ne sélectionne les pods d'aucun workload (sélecteur {{selector}}) : le trafic qui lui est envoyé n'aboutit nulle part.",
  'ingress-service-selects-nothing.remediation':
    "Faites correspondre spec.selector aux labels du modèle de pod du workload qu'il dessert :\n\nspec:\n  selector: {app: <le label app des pods>}",

  'ingress-host-port.hostNetwork.message':
    "{{workload}} reçoit le trafic sur le réseau de l'hôte : les clients doivent joindre le nœud où il tourne à ce moment-là.",
  'ingress-host-port.message':
    '{{workload}} reçoit le trafic sur le hostPort {{hostPort}} : les clients doivent joindre le nœud où il tourne à ce moment-là.',
  'ingress-host-port.remediation':
    'Retirez hostPort/hostNetwork et exposez les pods via un Service et un Ingress :\n\n{{snippet}}',
  'ingress.spof':
    "si {{node}} tombe en panne, le trafic vers {{service}} s'arrête",
  'ingress-node-pinned.externalIp.message':
    "Le Service {{serviceName}} reçoit le trafic extérieur sur l'unique IP externe {{ip}}.",
  'ingress-node-pinned.message':
    "Le Service {{serviceName}} ({{type}}) expose {{workload}}, dont les pods sont épinglés au nœud {{node}} : le point d'entrée, c'est ce nœud.",
  'ingress-node-pinned.remediation':
    "Faites entrer le trafic par un Ingress (ou un LoadBalancer) servi par plusieurs nœuds, et n'épinglez pas les pods à un seul nœud.",

  'image-unpinned.message':
    "Le conteneur {{container}} de {{workload}} utilise l'image {{image}} : des pods redémarrés plus tard peuvent exécuter un autre code.",
  'image-unpinned.noTag.message':
    "Le conteneur {{container}} de {{workload}} utilise l'image {{image}} (sans tag, donc latest) : des pods redémarrés plus tard peuvent exécuter un autre code.",
  'image-unpinned.remediation':
    'Épinglez une version (ou un digest) :\n\n{{snippet}}',

  'resources-no-requests.message':
    "Le conteneur {{container}} de {{workload}} n'a pas de requête {{missing}} : l'ordonnanceur peut surcharger son nœud et l'évincer en premier.",
  'resources-no-requests.both': '{{first}} ni {{second}}',

  'network-no-policy.message':
    'Aucune NetworkPolicy ne sélectionne les pods de {{workload}}.',

  'control-plane-api-servers.message':
    "Le cluster a {{apiServers}} serveur d'API : tant qu'il est arrêté, rien ne peut être planifié, mis à l'échelle ni réparé.",
  'control-plane-api-servers.remediation':
    "Faites tourner 3 nœuds de plan de contrôle (kubeadm join --control-plane) derrière une adresse d'API à répartition de charge.",
  'control-plane-api-servers.spof':
    "si le serveur d'API tombe en panne, le cluster ne peut plus rien replanifier ni réparer",
  'control-plane-etcd-members.single.message':
    'etcd a {{members}} membre : en perdre un fait perdre le quorum.',
  'control-plane-etcd-members.few.message':
    'etcd a {{members}} membres : en perdre un fait perdre le quorum.',
  'control-plane-etcd-members.even.message':
    "etcd a {{members}} membres : un nombre pair n'ajoute aucune tolérance aux pannes et peut se scinder.",
  'control-plane-etcd-members.remediation':
    'Faites tourner 3 (ou 5) membres etcd, un par nœud de plan de contrôle.',
  'control-plane-etcd-members.spof':
    "si un membre etcd tombe en panne, le cluster perd le quorum de son stockage d'état",
  'control-plane-etcd-quorum.last.message':
    'etcd a {{alive}} membres actifs sur {{members}} : il garde le quorum, mais ne tolère plus aucune panne de membre.',
  'control-plane-etcd-quorum.lost.message':
    "etcd a {{alive}} membres actifs sur {{members}} : le quorum est perdu, l'API refuse les écritures.",
  'control-plane-etcd-quorum.remediation':
    'Redémarrez ou remplacez les membres etcd arrêtés (etcdctl member list les montre).',
  'control-plane-etcd-quorum.spof':
    "si un membre etcd de plus tombe en panne, le cluster perd le quorum de sa base d'état",
  'control-plane-zones.message':
    'Les {{nodes}} nœuds de plan de contrôle sont tous dans la zone {{zone}} : perdre cette zone fait perdre le plan de contrôle.',
  'control-plane-zones.remediation':
    'Répartissez les nœuds de plan de contrôle sur 3 zones (label topology.kubernetes.io/zone).',
  'control-plane-zones.spof':
    "si la zone {{zone}} tombe en panne, le cluster perd tous ses serveurs d'API et membres etcd",
  'control-plane-unknown.apiServers.message':
    "Le cluster ne montre pas combien de serveurs d'API il fait tourner : la note ne peut pas valider ce qu'elle ne voit pas.",
  'control-plane-unknown.apiServers.remediation':
    "Autorisez le portail à lire les leases de kube-system (leases d'identité des serveurs d'API, Kubernetes 1.26+) ou l'EndpointSlice default/kubernetes.",
  'control-plane-unknown.apiServers.spof':
    "le nombre de serveurs d'API est inconnu : il n'y en a peut-être qu'un",
  'control-plane-unknown.etcdMembers.message':
    "Le cluster ne montre pas combien de membres etcd il fait tourner : la note ne peut pas valider ce qu'elle ne voit pas.",
  'control-plane-unknown.etcdMembers.remediation':
    "Autorisez le portail à lire les pods de kube-system : les pods etcd (component=etcd) ou l'option --etcd-servers des pods du serveur d'API montrent les membres.",
  'control-plane-unknown.etcdMembers.spof':
    "le nombre de membres etcd est inconnu : il n'y en a peut-être qu'un",
  'control-plane-unreachable.message':
    "L'API du cluster n'a pas répondu au portail ({{reason}}) : son plan de contrôle a peut-être perdu ses serveurs d'API ou le quorum etcd.",
  'control-plane-unreachable.remediation':
    "Vérifiez les serveurs d'API et les membres etcd (etcdctl endpoint health), puis les identifiants du portail pour ce cluster.",
  'control-plane-unreachable.spof':
    "tant que l'API ne répond pas, rien ne peut être déployé, mis à l'échelle ni replanifié",
  'control-plane-ingress-controller.message':
    "Le contrôleur d'Ingress {{kind}} {{object}} tourne avec {{replicas}} réplica : tous les Ingress du cluster en dépendent.",
  'control-plane-ingress-controller.spof':
    "si le nœud qui exécute le contrôleur d'Ingress {{name}} tombe en panne, tous les services derrière un Ingress deviennent injoignables",
  'control-plane-registry.message':
    "Le registre d'images {{kind}} {{object}} tourne avec {{replicas}} réplica : aucun pod ne peut (re)démarrer depuis ses images tant qu'il est arrêté.",
  'control-plane-registry.spof':
    'si le nœud qui exécute le registre {{name}} tombe en panne, aucun pod ne peut tirer son image',
  'source.none.noWorkload':
    'aucune charge de travail étiquetée pour cette entité dans {{clusters}}, et aucun manifeste désigné par {{annotations}}',
  'source.none.notAnnotated':
    'non évaluée : {{entity}} ne porte aucune des annotations {{annotations}}',
  'evidence.noPdb':
    'PodDisruptionBudget sélectionnant les labels des pods : aucun',
  'evidence.noNetworkPolicy':
    'NetworkPolicy sélectionnant les labels des pods : aucune',
  'evidence.fieldAbsent': '{{field}} : absent',
  'evidence.noSpread':
    'spec.template.spec.affinity.podAntiAffinity et topologySpreadConstraints : absents',
  'evidence.unsetOne': '{{field}} : (non défini, 1)',
  'evidence.barePod': 'kind : Pod (sans ownerReferences)',
  'evidence.readyPods': 'pods prêts : {{ready}}/{{pods}}',
  'evidence.zoneOfNodes':
    'nœuds {{nodes}} : topology.kubernetes.io/zone={{zone}}',
  'evidence.selectorVsLabels':
    '{{selector}} face aux labels des pods {{labels}}',
  'evidence.pinnedToNode':
    'spec du pod attachée à kubernetes.io/hostname={{node}}',
  'evidence.ingressBackend': 'backend.service.name : {{service}} ({{why}})',
  'evidence.hiddenSource':
    '{{variable}} depuis {{source}} (absent des objets analysés)',
  'evidence.serviceAccount':
    'serviceAccountName : {{serviceAccount}} ; {{why}}',
  'evidence.noNamespaceVariable':
    'containers[{{container}}].env : ni KUBERNETES_NAMESPACE ni OPENSHIFT_KUBE_PING_NAMESPACE',
  'evidence.receiverBlocked.ingress':
    "les politiques Ingress qui sélectionnent les pods n'autorisent aucun pod pair de {{workload}} sur le port {{port}}",
  'evidence.receiverBlocked.egress':
    "les politiques Egress qui sélectionnent les pods n'autorisent aucun pod pair de {{workload}} sur le port {{port}}",
  'evidence.noClusterElement':
    '{{origin}} : aucun élément <Cluster> hors commentaires',
  'evidence.serverXmlNotMounted':
    "server.xml : non monté (celui de l'image n'a pas de <Cluster>)",
  'evidence.notDistributable': '{{origin}} : pas de <distributable/>',
  'evidence.multicastMembership':
    '{{origin}} : <Cluster> sans <Membership> cloud',
  'evidence.etcdReady': 'membres etcd Ready : {{alive}} sur {{members}}',
  'evidence.etcdMembers': 'membres etcd : {{members}}',
  'evidence.apiServers': "serveurs d'API : {{apiServers}} ({{source}})",
  'evidence.controlPlaneZone':
    'nœuds du plan de contrôle par zone : {{zone}} : {{nodes}}',
  'evidence.unknownFact': '{{fact}} : inconnu',
  'evidence.apiUnreachable': 'API : {{reason}}',

  'source.none.anyConfiguredCluster': 'les clusters configurés',
  'source.none.anyClusterRead': 'les clusters lus',
  'source.cluster.needsUserToken':
    "le cluster « {{cluster}} » utilise {{authProvider}} : il se lit avec le jeton propre de l'utilisateur connecté, que l'actualisation planifiée n'a pas ; cliquez sur Actualiser, connecté, pour le lire en votre nom",
  'source.cluster.noAnswer':
    "le cluster « {{cluster}} » n'a pas répondu à la lecture : {{failure}}",
};
