import { KubeObject } from '../model/kube';
import { deployment } from './fixtures';

/** A server.xml with a replicating cluster; membership `kubernetes`, `multicast` or none. */
export function serverXml(
  membership: 'kubernetes' | 'multicast' | 'none',
  receiverPort = 4000,
): string {
  if (membership === 'none')
    return '<Server><Service><Engine><!-- <Cluster/> --><Host name="localhost"/></Engine></Service></Server>';
  const m =
    membership === 'kubernetes'
      ? '<Membership className="org.apache.catalina.tribes.membership.cloud.CloudMembershipService" membershipProviderClassName="kubernetes"/>'
      : '';
  return `<Server><Service><Engine><Cluster className="org.apache.catalina.ha.tcp.SimpleTcpCluster"><Channel className="org.apache.catalina.tribes.group.GroupChannel">${m}<Receiver className="org.apache.catalina.tribes.transport.nio.NioReceiver" port="${receiverPort}"/></Channel></Cluster></Engine></Service></Server>`;
}

/** A Tomcat Deployment `app` mounting the ConfigMap `app-conf` (server.xml, context.xml). */
export function tomcat(
  files: Record<string, string>,
  patch: (d: any) => void = () => {},
): KubeObject[] {
  const d = deployment('app', x => {
    const c = x.spec.template.spec.containers[0];
    c.image = 'tomcat:10.1.34';
    c.env = [
      {
        name: 'KUBERNETES_NAMESPACE',
        valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } },
      },
    ];
    c.volumeMounts = Object.keys(files).map(k => ({
      name: 'conf',
      mountPath: `/usr/local/tomcat/conf/${k}`,
      subPath: k,
    }));
    x.spec.template.spec.volumes = [
      { name: 'conf', configMap: { name: 'app-conf' } },
    ];
    x.spec.template.spec.serviceAccountName = 'app';
    patch(x);
  });
  return [
    d,
    {
      kind: 'ConfigMap',
      metadata: { name: 'app-conf', namespace: 'shop' },
      data: files,
    },
  ];
}

/** A Role allowing `verbs` on pods, bound to ServiceAccount `app`. */
export function podReader(verbs = ['get', 'list']): KubeObject[] {
  return [
    {
      kind: 'Role',
      metadata: { name: 'r', namespace: 'shop' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs }],
    } as KubeObject,
    {
      kind: 'RoleBinding',
      metadata: { name: 'r', namespace: 'shop' },
      subjects: [{ kind: 'ServiceAccount', name: 'app' }],
      roleRef: { kind: 'Role', name: 'r' },
    } as KubeObject,
  ];
}
