import { ConfigReader } from '@backstage/config';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  AuthorizeResult,
  createPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { taskCancelPermission } from '@backstage/plugin-scaffolder-common/alpha';
import {
  handoffReviewCreatePermission,
  handoffReviewReadPermission,
  handoffReviewSignOffPermission,
  handoffReviewWaivePermission,
} from '@diehard/plugin-handoff-review-common';
import {
  haPostureClusterReadPermission,
  haPostureReadPermission,
  haPostureRefreshPermission,
} from '@diehard/plugin-ha-posture-common';
import {
  imagePushPermission,
  kubernetesApplyPermission,
} from '@diehard/plugin-scaffolder-diehard-common';
import { DiehardPermissionPolicy } from './DiehardPermissionPolicy';

const policy = DiehardPermissionPolicy.fromConfig(
  new ConfigReader({
    handoffReview: {
      opsGroup: ['group:default/ops-team', 'group:default/sre'],
    },
    diehard: {
      apply: {
        clusters: [
          {
            name: 'prod',
            namespaces: ['a'],
            kinds: ['*'],
            groups: ['group:default/sre'],
          },
          { name: 'staging', namespaces: ['a'], kinds: ['*'] },
        ],
      },
    },
  }),
);

function user(ref: string, groups: string[]): PolicyQueryUser {
  return {
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  } as PolicyQueryUser;
}
const alice = user('user:default/alice', ['group:default/dev-team']);
const sam = user('user:default/sam', ['group:default/sre']);

const postureRead = haPostureReadPermission;
const postureRefresh = haPostureRefreshPermission;

const decide = (permission: any, who?: PolicyQueryUser) =>
  policy.handle({ permission }, who);

const ownedBy = (claims: string[]) => ({
  rule: 'IS_ENTITY_OWNER',
  resourceType: 'catalog-entity',
  params: { claims },
});

const conditional = (conditions: unknown): PolicyDecision =>
  expect.objectContaining({
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions,
  });

describe('the Diehard permission policy', () => {
  it('refuses everything to a caller without a user', async () => {
    for (const permission of [
      catalogEntityReadPermission,
      catalogLocationCreatePermission,
    ]) {
      expect(await decide(permission)).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('lets owners alone delete and refresh an entity, Ops included in no special way', async () => {
    for (const who of [alice, sam]) {
      for (const permission of [
        catalogEntityDeletePermission,
        catalogEntityRefreshPermission,
      ]) {
        expect(await decide(permission, who)).toEqual(
          conditional(ownedBy(who.info.ownershipEntityRefs)),
        );
      }
    }
  });

  it('lets everyone read an entity, its posture and its review state unless it is restricted, and then its owners and Ops', async () => {
    const restricted = {
      anyOf: [
        {
          not: {
            rule: 'HAS_ANNOTATION',
            resourceType: 'catalog-entity',
            params: { annotation: 'diehard.io/restricted', value: 'true' },
          },
        },
        ownedBy(alice.info.ownershipEntityRefs),
      ],
    };
    expect(await decide(catalogEntityReadPermission, alice)).toEqual(
      conditional(restricted),
    );
    expect(await decide(postureRead, alice)).toEqual(conditional(restricted));
    expect(await decide(handoffReviewReadPermission, alice)).toEqual(
      conditional(restricted),
    );
    for (const permission of [
      catalogEntityReadPermission,
      handoffReviewReadPermission,
    ]) {
      expect(await decide(permission, sam)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets the owner group or any Ops group open, answer, waive and sign reviews and refresh postures', async () => {
    for (const permission of [
      handoffReviewCreatePermission,
      handoffReviewWaivePermission,
      handoffReviewSignOffPermission,
      postureRefresh,
    ]) {
      expect(await decide(permission, alice)).toEqual(
        conditional(ownedBy(alice.info.ownershipEntityRefs)),
      );
      expect(await decide(permission, sam)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets users apply only to the clusters their groups may use', async () => {
    const clusters = async (who: PolicyQueryUser) => {
      const decision = await decide(kubernetesApplyPermission, who);
      return decision.result === AuthorizeResult.CONDITIONAL
        ? [decision.pluginId, (decision.conditions as any).params.names]
        : decision.result;
    };
    expect(await clusters(alice)).toEqual(['scaffolder', ['staging']]);
    expect(await clusters(sam)).toEqual(['scaffolder', ['prod', 'staging']]);
    const noClusters = new DiehardPermissionPolicy({
      opsGroups: ['group:default/ops-team'],
      applyClusters: [],
    });
    expect(
      await noClusters.handle({ permission: kubernetesApplyPermission }, alice),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets users push images under apps by default, Ops anywhere', async () => {
    expect(await decide(imagePushPermission, alice)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'diehard-image-repository',
      conditions: {
        rule: 'IS_REPOSITORY_UNDER',
        resourceType: 'diehard-image-repository',
        params: { prefixes: ['apps'] },
      },
    });
    expect(await decide(imagePushPermission, sam)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('lets users push where diehard.push.repositories says, per group', async () => {
    const configured = DiehardPermissionPolicy.fromConfig(
      new ConfigReader({
        diehard: {
          push: {
            repositories: [
              { prefix: 'teams/shop', groups: ['group:default/dev-team'] },
              { prefix: 'sandbox' },
            ],
          },
        },
      }),
    );
    const prefixes = async (who: PolicyQueryUser) => {
      const decision = await configured.handle(
        { permission: imagePushPermission },
        who,
      );
      return decision.result === AuthorizeResult.CONDITIONAL
        ? (decision.conditions as any).params.prefixes
        : decision.result;
    };
    expect(await prefixes(alice)).toEqual(['teams/shop', 'sandbox']);
    expect(
      await prefixes(user('user:default/bob', ['group:default/web-team'])),
    ).toEqual(['sandbox']);
    const nowhere = DiehardPermissionPolicy.fromConfig(
      new ConfigReader({ diehard: { push: { repositories: [] } } }),
    );
    expect(
      await nowhere.handle({ permission: imagePushPermission }, alice),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets only Ops use the Kubernetes proxy and delete catalog locations', async () => {
    for (const permission of [
      kubernetesProxyPermission,
      catalogLocationDeletePermission,
    ]) {
      expect(await decide(permission, alice)).toEqual({
        result: AuthorizeResult.DENY,
      });
      expect(await decide(permission, sam)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it("lets a scaffolder task's creator or Ops cancel it", async () => {
    expect(await decide(taskCancelPermission, alice)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'scaffolder-task',
      conditions: {
        rule: 'IS_TASK_OWNER',
        resourceType: 'scaffolder-task',
        params: { createdBy: ['user:default/alice'] },
      },
    });
    expect(await decide(taskCancelPermission, sam)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it("allows signed-in users everything else (scaffolder, locations, Kubernetes objects, the clusters' posture)", async () => {
    const taskCreate = createPermission({
      name: 'scaffolder.task.create',
      attributes: {},
    });
    for (const permission of [
      taskCreate,
      catalogLocationCreatePermission,
      kubernetesResourcesReadPermission,
      haPostureClusterReadPermission,
    ]) {
      expect(await decide(permission, alice)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('refuses an Ops group setting that is not a group ref', () => {
    expect(() =>
      DiehardPermissionPolicy.fromConfig(
        new ConfigReader({ handoffReview: { opsGroup: 'ops-team' } }),
      ),
    ).toThrow(
      'handoffReview.opsGroup must be a group ref like group:default/ops-team or a list of them, got "ops-team"',
    );
  });
});
