import { randomUUID } from 'node:crypto';
import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  EntityReviewState,
  handoffReviewChangePermissions,
  handoffReviewCreatePermission,
  handoffReviewReadPermission,
  Review,
  ReviewChangeRequest,
  ReviewEvent,
  ReviewListStatus,
  ReviewView,
  Side,
} from '@diehard/plugin-handoff-review-common';
import { PostureClient, snapshotOf } from '../posture/PostureClient';
import { buildChecklist } from './checklist';
import { reviewToMarkdown } from './markdown';
import type { ExportLanguage } from './markdownLabels';
import { withRefusal } from './refusal';
import { ReviewStore } from './ReviewStore';
import {
  Actor,
  applyChange,
  ChangeRules,
  ReviewChange,
  viewOf,
} from './transitions';

/** Who asks: their credentials (for the catalog, the posture, the policy) and identity. */
export interface Caller {
  credentials: BackstageCredentials;
  actor: Actor;
}

export interface ReviewServiceOptions {
  store: ReviewStore;
  posture: PostureClient;
  catalog: CatalogService;
  permissions: PermissionsService;
  opsGroups: string[];
  manualItems: Record<Side, Array<{ id: string; title: string }>>;
  rules: ChangeRules;
}

/**
 * What a review may become, and who may see it. A review is visible only to a caller
 * who can read its entity in the catalog (with their own credentials): to anyone
 * else it does not exist (404). Reading it, or finding it in a list, also asks the
 * policy for `handoff-review.read` on the entity. Each change asks the permission
 * policy, then the review's own rules (each side acts on its own items and sign-off).
 */
export class ReviewService {
  constructor(private readonly options: ReviewServiceOptions) {}

  async open(entityRef: string, caller: Caller): Promise<ReviewView> {
    const { store, posture, opsGroups } = this.options;
    const entity = await this.readableEntity(
      entityRef,
      caller.credentials,
      `no entity ${entityRef} in the catalog`,
    );
    await this.authorize(caller, handoffReviewCreatePermission, entityRef);
    const devGroup = entity.relations?.find(
      r => r.type === 'ownedBy',
    )?.targetRef;
    if (!devGroup) {
      throw withRefusal(
        new InputError(
          `${entityRef} has no owner: the owner group signs for Dev`,
        ),
        { reason: 'no-owner', entityRef },
      );
    }
    const current = await posture.current(entityRef, caller.credentials);
    const now = new Date().toISOString();
    const review: Review = {
      id: randomUUID(),
      entityRef,
      version: 1,
      createdBy: caller.actor.userEntityRef,
      createdAt: now,
      devGroup,
      opsGroup: opsGroups[0],
      ...(opsGroups.length > 1 ? { opsGroups } : {}),
      posture: snapshotOf(current),
      items: buildChecklist(current, this.options.manualItems),
      signOffs: [],
    };
    await store.insert(review, {
      at: now,
      actor: caller.actor.userEntityRef,
      action: 'open',
      detail: { posture: review.posture },
    });
    return viewOf(review, new Date(), review.posture);
  }

  /**
   * The `limit` most recently changed reviews (for `stale`, of the approved ones), less
   * those the caller may not read.
   */
  async list(
    filter: { entityRef?: string; status?: ReviewListStatus; limit: number },
    caller: Caller,
  ): Promise<ReviewView[]> {
    const reviews = await this.options.store.list({
      entityRef: filter.entityRef,
      status: filter.status === 'stale' ? 'approved' : filter.status,
      limit: filter.limit,
    });
    const refs = [...new Set(reviews.map(r => r.entityRef))];
    const { items } = refs.length
      ? await this.options.catalog.getEntitiesByRefs(
          { entityRefs: refs, fields: ['kind', 'metadata.name'] },
          { credentials: caller.credentials },
        )
      : { items: [] };
    const inCatalog = refs.filter((_ref, i) => items[i]);
    const decisions = inCatalog.length
      ? await this.options.permissions.authorize(
          inCatalog.map(resourceRef => ({
            permission: handoffReviewReadPermission,
            resourceRef,
          })),
          { credentials: caller.credentials },
        )
      : [];
    const readable = new Set(
      inCatalog.filter(
        (_ref, i) => decisions[i].result === AuthorizeResult.ALLOW,
      ),
    );
    const views = await Promise.all(
      reviews
        .filter(r => readable.has(r.entityRef))
        .map(r => this.view(r, caller.credentials)),
    );
    return views.filter(v => filter.status !== 'stale' || v.stale);
  }

  /**
   * Where the entity's latest review stands. A user who cannot read the entity gets the
   * same 404 as for an unknown entity; a service (no entity read of its own) is asked
   * for `handoff-review.read`, which its token's access restrictions decide.
   */
  async state(
    entityRef: string,
    credentials: BackstageCredentials<
      BackstageUserPrincipal | BackstageServicePrincipal
    >,
  ): Promise<EntityReviewState> {
    if (credentials.principal.type === 'user') {
      await this.readableEntity(
        entityRef,
        credentials,
        `no entity ${entityRef} in the catalog`,
      );
    }
    const [decision] = await this.options.permissions.authorize(
      [{ permission: handoffReviewReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `the permission policy refuses ${handoffReviewReadPermission.name} on ${entityRef}`,
      );
    }
    const [latest] = (await this.options.store.list({ entityRef })).sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt),
    );
    if (!latest) {
      return {
        entityRef,
        status: 'none',
        signedBy: [],
        stale: false,
        staleReasons: [],
        waivers: [],
      };
    }
    const view = await this.view(latest, credentials);
    return {
      entityRef,
      status: view.status === 'approved' ? 'approved' : 'in-progress',
      reviewId: view.id,
      signedBy: (['dev', 'ops'] as const).filter(side =>
        view.signOffs.some(s => s.side === side),
      ),
      stale: view.stale,
      staleReasons: view.staleReasons,
      waivers: view.items
        .filter(item => item.waiver && view.itemStates[item.id] === 'waived')
        .map(item => ({ itemId: item.id, expiresOn: item.waiver!.expiresOn }))
        .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn)),
    };
  }

  async get(id: string, caller: Caller): Promise<ReviewView> {
    return this.view(await this.reviewToRead(id, caller), caller.credentials);
  }

  async history(id: string, caller: Caller): Promise<ReviewEvent[]> {
    await this.reviewToRead(id, caller);
    return this.options.store.history(id);
  }

  async exportMarkdown(
    id: string,
    caller: Caller,
    language: ExportLanguage = 'en',
  ): Promise<string> {
    const review = await this.reviewToRead(id, caller);
    return reviewToMarkdown(
      await this.view(review, caller.credentials),
      await this.options.store.history(id),
      language,
    );
  }

  async change(
    id: string,
    version: number,
    request: ReviewChangeRequest,
    caller: Caller,
  ): Promise<ReviewView> {
    const { store, posture } = this.options;
    const review = await this.readableReview(id, caller);
    await this.authorize(
      caller,
      handoffReviewChangePermissions[request.action],
      review.entityRef,
    );
    const change: ReviewChange =
      request.action === 'sign-off'
        ? {
            ...request,
            posture: snapshotOf(
              await posture.current(review.entityRef, caller.credentials, {
                refresh: true,
              }),
            ),
          }
        : request;
    const { review: next, detail } = applyChange(
      review,
      change,
      caller.actor,
      version,
      new Date(),
      this.options.rules,
    );
    await store.update(next, viewOf(next, new Date()).status, {
      at: new Date().toISOString(),
      actor: caller.actor.userEntityRef,
      action: change.action,
      detail,
    });
    return this.view(next, caller.credentials);
  }

  private async view(review: Review, credentials: BackstageCredentials) {
    const current = await this.options.posture
      .current(review.entityRef, credentials)
      .then(snapshotOf)
      .catch(() => undefined);
    return viewOf(review, new Date(), current);
  }

  private async readableEntity(
    entityRef: string,
    credentials: BackstageCredentials,
    notFound: string,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(notFound);
    return entity;
  }

  /** The review, if the caller may read its entity; the same 404 as no review otherwise. */
  private async readableReview(id: string, caller: Caller): Promise<Review> {
    const notFound = `no handoff review '${id}'`;
    const review = await this.options.store.get(id);
    await this.readableEntity(review.entityRef, caller.credentials, notFound);
    return review;
  }

  /** As {@link readableReview}, and the policy lets the caller read it (403 otherwise). */
  private async reviewToRead(id: string, caller: Caller): Promise<Review> {
    const review = await this.readableReview(id, caller);
    await this.authorize(caller, handoffReviewReadPermission, review.entityRef);
    return review;
  }

  private async authorize(
    caller: Caller,
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ) {
    const [decision] = await this.options.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials: caller.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw withRefusal(
        new NotAllowedError(
          `the permission policy refuses ${permission.name} on ${entityRef} to ${caller.actor.userEntityRef}`,
        ),
        { reason: 'policy-refused', permission: permission.name, entityRef },
      );
    }
  }
}
