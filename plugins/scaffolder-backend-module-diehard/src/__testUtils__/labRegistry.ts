import {
  createMockDirectory,
  MockDirectory,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { useLab } from '@diehard/lab';
import {
  RegistryDirectory,
  RegistryEndpoint,
} from '@diehard/plugin-container-images-node';

export { uniqueRepository } from '@diehard/plugin-container-images-node/testUtils';

export type LabRegistry = Awaited<
  ReturnType<typeof useLab<'registry'>>
>['registry'];

/** The lab's real registry (started or reused); a suite fails when it cannot start. */
export async function labRegistry(): Promise<LabRegistry> {
  return (await useLab(['registry'])).registry;
}

/**
 * The lab's registry for a suite (ready from its `beforeAll`), and a workspace for the
 * actions it runs.
 */
export function useLabRegistry(): { reg: LabRegistry; mockDir: MockDirectory } {
  const lab = { mockDir: createMockDirectory() } as {
    reg: LabRegistry;
    mockDir: MockDirectory;
  };
  beforeAll(async () => {
    lab.reg = await labRegistry();
  });
  return lab;
}

/** A `diehard.registries` entry for the lab registry, optionally under another host (a proxy). */
export function registryEntry(
  reg: LabRegistry,
  overrides: Record<string, string> = {},
) {
  return {
    name: 'internal',
    host: reg.host,
    username: reg.username,
    password: reg.password,
    caFile: reg.caFile,
    ...overrides,
  };
}

/** The registry directory the module builds from `diehard.registries: entries`. */
export function registryDirectory(...entries: JsonObject[]) {
  return RegistryDirectory.fromConfig(
    new ConfigReader({ diehard: { registries: entries } }),
  );
}

export function endpointOf(
  reg: LabRegistry,
  name = 'internal',
): RegistryEndpoint {
  return {
    name,
    host: reg.host,
    username: reg.username,
    password: reg.password,
    ca: reg.caPem,
  };
}
