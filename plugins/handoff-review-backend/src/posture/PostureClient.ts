import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  EntityPosture,
  HaPostureClient,
} from '@diehard/plugin-ha-posture-common';
import { PostureSnapshot } from '@diehard/plugin-handoff-review-common';

/** Reads an entity's posture from the ha-posture plugin, on behalf of the caller. */
export class PostureClient {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async current(
    entityRef: string,
    credentials: BackstageCredentials,
    options: { refresh?: boolean } = {},
  ): Promise<EntityPosture> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'ha-posture',
    });
    const client = new HaPostureClient({
      discoveryApi: this.discovery,
      fetchApi: {
        fetch: (input, init) =>
          fetch(input, {
            ...init,
            headers: { ...init?.headers, Authorization: `Bearer ${token}` },
          }),
      },
    });
    if (options.refresh) return client.refreshEntityPosture(entityRef);
    const posture = await client.getEntityPosture(entityRef);
    if (!posture)
      throw new NotFoundError(
        `the HA posture service does not know ${entityRef}`,
      );
    return posture;
  }
}

export function snapshotOf(posture: EntityPosture): PostureSnapshot {
  let critical = 0;
  let warning = 0;
  for (const workload of posture.report.workloads) {
    for (const finding of workload.findings) {
      if (finding.severity === 'critical') critical += 1;
      if (finding.severity === 'warning') warning += 1;
    }
  }
  return {
    grade: posture.grade,
    critical,
    warning,
    evaluatedAt: posture.evaluatedAt,
  };
}
