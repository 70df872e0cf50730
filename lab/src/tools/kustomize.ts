import { GoToolBinary, pinnedGoTool } from './goTool';

/** The kustomize binary the repository pins (lab/k8s/kustomize.env), where it is cached. */
export type KustomizeBinary = GoToolBinary;

const kustomize = pinnedGoTool('kustomize');

/** The kustomize release pinned in lab/k8s/kustomize.env. */
export const pinnedKustomizeVersion = kustomize.pinnedVersion;

/**
 * The pinned kustomize, already built; throws a LabError naming the command that builds it
 * when it is not (`lab/scripts/build-kustomize.sh`, also run by `lab/scripts/install-prereqs.sh`).
 */
export const kustomizeBinary = kustomize.binary;

/**
 * The pinned kustomize, built first from the Go module proxy when missing
 * (lab/scripts/build-kustomize.sh).
 */
export const ensureKustomize = kustomize.ensure;
