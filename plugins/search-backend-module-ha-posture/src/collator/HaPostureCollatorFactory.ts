import { Readable } from 'node:stream';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  HA_POSTURE_SEARCH_TYPE,
  HaPostureClient,
  haPostureReadPermission,
} from '@diehard/plugin-ha-posture-common';
import { HaPostureDocument, postureDocument } from './postureDocument';

/**
 * Collates the HA posture of every evaluated entity, read from the posture backend
 * (`/api/ha-posture`) as this backend. Each document carries its entity as
 * `authorization.resourceRef`, so the search backend shows it only to users who may
 * read that entity's posture.
 *
 * @public
 */
export class HaPostureCollatorFactory implements DocumentCollatorFactory {
  readonly type = HA_POSTURE_SEARCH_TYPE;
  readonly visibilityPermission = haPostureReadPermission;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<HaPostureDocument> {
    const client = await this.client();
    const entries = await client.getFleet();
    let indexed = 0;
    for (const entry of entries) {
      // Gone since the fleet was read: nothing to index.
      const posture = await client.getEntityPosture(entry.entityRef);
      const document = posture && postureDocument(entry, posture);
      if (!document) continue;
      indexed += 1;
      yield document;
    }
    this.options.logger.info('collated HA postures', {
      entities: entries.length,
      indexed,
    });
  }

  private async client(): Promise<HaPostureClient> {
    const { auth, discovery } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'ha-posture',
    });
    return new HaPostureClient({
      discoveryApi: discovery,
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...init?.headers, Authorization: `Bearer ${token}` },
          }),
      },
    });
  }
}
