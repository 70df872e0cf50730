import { startLabScaffolder } from '../../templates/__testUtils__/labConfig';
import { writeFiles } from '../../templates/__testUtils__/scaffolderDryRun';
import {
  NAMESPACE,
  tomcatHaServiceValues,
} from '../../templates/__testUtils__/tomcatHaServiceValues';

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
      tomcatHaServiceValues(name),
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
