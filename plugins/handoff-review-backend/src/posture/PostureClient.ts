import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntityPosture } from '@diehard/plugin-ha-posture-common';
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
    const [kind, rest] = entityRef.split(':');
    const [namespace, name] = rest.split('/');
    const baseUrl = await this.discovery.getBaseUrl('ha-posture');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'ha-posture',
    });
    const path = `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
      namespace,
    )}/${encodeURIComponent(name)}`;
    const response = await fetch(
      `${baseUrl}${path}${options.refresh ? '/refresh' : ''}`,
      {
        method: options.refresh ? 'POST' : 'GET',
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
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
