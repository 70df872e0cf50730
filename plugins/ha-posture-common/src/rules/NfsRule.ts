import { msg } from '../messages/format';
import { declaredHighlyAvailable, HA_ANNOTATION } from '../dsn/databases';
import { volumesOf } from '../kube/podSpec';
import { refOf } from '../model/kube';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const nfs: RuleCheck = {
  id: 'storage-nfs-single-host',
  category: 'storage',
  severity: 'critical',
  title: 'NFS server is a single host',
};

const remediation = (server: string) =>
  msg('storage-nfs-single-host.remediation', {
    snippet: `metadata:\n  annotations:\n    ${HA_ANNOTATION}: "true"   # ${server} is a floating address of an HA pair`,
  });
const spof = (server: string, service: string) =>
  msg('storage-nfs-single-host.spof', { server, service });

/**
 * `storage`: an NFS volume whose server is one named host, unless it is declared
 * highly available: on the pod template, the PersistentVolume, or its StorageClass
 * (a class provisioned from an NFS-HA pair's virtual address).
 */
export const nfsRule: PostureRule = {
  checks: [nfs],
  evaluate({ workload: w, service, index }) {
    const out = [];
    const templateHa =
      String(
        w.template.metadata.annotations[HA_ANNOTATION] ?? '',
      ).toLowerCase() === 'true';
    for (const v of volumesOf(w.template.spec)) {
      const server = v?.nfs?.server;
      if (!server || templateHa) continue;
      out.push(
        findingFor(nfs, w, {
          message: msg('storage-nfs-single-host.message', {
            workload: label(w),
            volume: `${v.name}`,
            server: `${server}`,
          }),
          evidence: `volumes[${v.name}].nfs.server: ${server}`,
          remediation: remediation(server),
          spof: spof(`${server}`, service),
        }),
      );
    }
    for (const pv of w.pvs) {
      const server =
        pv.spec?.nfs?.server ??
        (pv.spec?.csi?.driver === 'nfs.csi.k8s.io'
          ? pv.spec?.csi?.volumeAttributes?.server
          : undefined);
      const storageClass = index.get(
        'StorageClass',
        '',
        pv.spec?.storageClassName,
      );
      if (
        !server ||
        declaredHighlyAvailable(pv) ||
        declaredHighlyAvailable(storageClass)
      )
        continue;
      out.push(
        findingFor(nfs, w, {
          message: msg('storage-nfs-single-host.pv.message', {
            workload: label(w),
            pv: `${pv.metadata?.name}`,
            server: `${server}`,
          }),
          evidence: `PersistentVolume ${pv.metadata?.name} spec.nfs.server: ${server}`,
          remediation: remediation(server),
          objects: [refOf(pv)],
          spof: spof(`${server}`, service),
        }),
      );
    }
    return out;
  },
};
