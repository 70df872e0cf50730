import fs from 'node:fs';
import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { RegistryEndpoint } from './RegistryClient';

/**
 * The registries declared under `diehard.registries`. Templates name one; the
 * host, credentials and CA only ever come from here.
 *
 * @public
 */
export class RegistryDirectory {
  private constructor(private readonly configs: Config[]) {}

  static fromConfig(config: Config): RegistryDirectory {
    return new RegistryDirectory(
      config.getOptionalConfigArray('diehard.registries') ?? [],
    );
  }

  names(): string[] {
    return this.configs.map(c => c.getString('name'));
  }

  get(name: string): RegistryEndpoint {
    const c = this.configs.find(r => r.getString('name') === name);
    if (!c) {
      const known = this.names();
      throw new NotFoundError(
        `no registry named "${name}" in diehard.registries (configured: ${
          known.length ? known.join(', ') : 'none'
        })`,
      );
    }
    let ca = c.getOptionalString('ca');
    const caFile = c.getOptionalString('caFile');
    if (!ca && caFile) {
      try {
        ca = fs.readFileSync(caFile, 'utf8');
      } catch (e) {
        throw new InputError(
          `registry "${name}": cannot read caFile ${caFile}: ${
            (e as Error).message
          }`,
        );
      }
    }
    return {
      name,
      host: c.getString('host'),
      username: c.getOptionalString('username'),
      password: c.getOptionalString('password'),
      ca,
      plainHttp: c.getOptionalBoolean('plainHttp') ?? false,
    };
  }

  /** The configured registry whose host is `host`, if any. */
  byHost(host: string): RegistryEndpoint | undefined {
    const c = this.configs.find(r => r.getString('host') === host);
    return c ? this.get(c.getString('name')) : undefined;
  }
}
