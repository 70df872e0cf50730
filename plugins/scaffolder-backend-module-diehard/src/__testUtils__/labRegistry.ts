import {
  createMockDirectory,
  MockDirectory,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { useLab } from '@diehard/lab';
import {
  RegistryClient,
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

export interface LabRegistryFixture {
  reg: LabRegistry;
  mockDir: MockDirectory;
  /** The registry directory the module builds for the lab registry, `overrides` over its entry. */
  registries(overrides?: Record<string, string>): RegistryDirectory;
  /** A client of the lab registry; the caller closes it. */
  client(): RegistryClient;
}

/**
 * The lab's registry for a suite (ready from its `beforeAll`), and a workspace for the
 * actions it runs.
 */
export function useLabRegistry(): LabRegistryFixture {
  const lab: LabRegistryFixture = {
    reg: undefined as unknown as LabRegistry,
    mockDir: createMockDirectory(),
    registries: overrides =>
      registryDirectory(registryEntry(lab.reg, overrides)),
    client: () => new RegistryClient(endpointOf(lab.reg)),
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
