import { ensureHelm, helmBinary, pinnedHelmVersion } from './helm';
import { describePinnedGoTool } from './__testUtils__/pinnedGoToolSuite';

// Cold: ensureHelm builds helm from the Go module proxy (about 2 minutes on 2 cores).
jest.setTimeout(900_000);

describePinnedGoTool(
  {
    pinnedVersion: pinnedHelmVersion,
    binary: helmBinary,
    ensure: ensureHelm,
  },
  'helm',
  ['version', '--short'],
);
