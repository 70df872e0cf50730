import { GoToolBinary, pinnedGoTool } from './goTool';

/** The helm binary the repository pins (lab/k8s/helm.env), where it is cached. */
export type HelmBinary = GoToolBinary;

const helm = pinnedGoTool('helm');

/** The helm release pinned in lab/k8s/helm.env. */
export const pinnedHelmVersion = helm.pinnedVersion;

/**
 * The pinned helm, already built; throws a LabError naming the command that builds it
 * when it is not (`lab/scripts/build-helm.sh`, also run by `lab/scripts/install-prereqs.sh`).
 */
export const helmBinary = helm.binary;

/** The pinned helm, built first from the Go module proxy when missing (lab/scripts/build-helm.sh). */
export const ensureHelm = helm.ensure;
