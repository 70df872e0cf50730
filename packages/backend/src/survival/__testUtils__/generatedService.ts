import { startLabScaffolder } from '../../templates/__testUtils__/labConfig';
import { writeFiles } from '../../templates/__testUtils__/scaffolderDryRun';

export const NAMESPACE = 'diehard-apps';

/** The form a developer fills in for a 3-replica service on the lab. */
export function serviceValues(name: string) {
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
    ingressHost: 'todo.apps.example.org',
    tlsSecret: 'todo-tls',
    repoOwner: 'dev-team',
  };
}

/**
 * Renders tomcat-ha-service through the real scaffolder on the lab (dry run: posture
 * gate and server dry-run apply included) into `dir`, and, when asked, the nfs-volume
 * PersistentVolume its claim binds to (written as `pv.yaml` in `dir`).
 */
export async function renderService(
  name: string,
  dir: string,
  options: { withVolume?: boolean } = {},
): Promise<Map<string, string>> {
  const { scaffolder } = await startLabScaffolder();
  try {
    const service = await scaffolder.dryRun(
      'tomcat-ha-service',
      serviceValues(name),
    );
    if (service.status !== 200)
      throw new Error(`dry run failed: ${JSON.stringify(service.body)}`);
    writeFiles(dir, service.files);
    if (options.withVolume) {
      const volume = await scaffolder.dryRun('nfs-volume', {
        name: `${name}-attachments`,
        owner: 'group:default/ops-team',
        exportPath: `/exports/${name}`,
        size: '5Gi',
        format: 'xfs',
        cluster: 'lab',
        namespace: NAMESPACE,
        storageClass: 'nfs-ha',
        repoOwner: 'ops-team',
      });
      if (volume.status !== 200)
        throw new Error(`dry run failed: ${JSON.stringify(volume.body)}`);
      // The volume template's PersistentVolume (first document); the service's claim binds to it.
      const pv = volume.files.get('k8s/volume.yaml')!.split(/^---$/m)[0];
      writeFiles(dir, new Map([['pv.yaml', pv]]));
    }
    return service.files;
  } finally {
    await scaffolder.stop();
  }
}
