/** The namespace of the lab's Kubernetes the generated services are deployed to. */
export const NAMESPACE = 'diehard-apps';

/**
 * Representative tomcat-ha-service values: what a developer fills in (with the form's
 * defaults) for a 3-replica service named `name` on the lab.
 */
export function tomcatHaServiceValues(name: string) {
  return {
    name,
    owner: 'group:default/dev-team',
    cluster: 'lab',
    namespace: NAMESPACE,
    replicas: 3,
    sessionManager: 'DeltaManager',
    galeraService: 'galera',
    galeraNodes: 3,
    databaseName: 'todo',
    storageClass: 'nfs-ha',
    storageSize: '5Gi',
    ingressHost: `${name}.apps.example.org`,
    tlsSecret: 'todo-tls',
    repoOwner: 'dev-team',
  };
}

/**
 * The objects of `kind` (as `kubectl get -o json` items) that carry the generated
 * service's `app.kubernetes.io/name` label in {@link NAMESPACE}.
 */
export function serviceObjects(
  kubectl: (args: string[]) => string,
  kind: string,
  name: string,
): any[] {
  return JSON.parse(
    kubectl([
      'get',
      kind,
      '-n',
      NAMESPACE,
      '-l',
      `app.kubernetes.io/name=${name}`,
      '-o',
      'json',
    ]),
  ).items;
}
