import {
  ensureKustomize,
  kustomizeBinary,
  pinnedKustomizeVersion,
} from './kustomize';
import { describePinnedGoTool } from './__testUtils__/pinnedGoToolSuite';

// Cold: ensureKustomize builds kustomize from the Go module proxy (about 1 minute on 2 cores).
jest.setTimeout(900_000);

describePinnedGoTool(
  {
    pinnedVersion: pinnedKustomizeVersion,
    binary: kustomizeBinary,
    ensure: ensureKustomize,
  },
  'kustomize',
  ['version'],
);
