import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { PostureRule } from '@diehard/plugin-ha-posture-common';

/**
 * What {@link haPostureRulesExtensionPoint} offers a backend module.
 *
 * @public
 */
export interface HaPostureRulesExtensionPoint {
  /**
   * Adds a company's own rule to the posture engine: it runs on every workload after
   * Diehard's rules, live and from manifests, and its findings grade the workload like theirs.
   * A check id already used, or a category outside the HA taxonomy, stops the backend at start.
   */
  addRule(rule: PostureRule): void;
}

/**
 * Adds posture rules to the HA posture backend (`ha-posture`).
 *
 * @public
 */
export const haPostureRulesExtensionPoint =
  createExtensionPoint<HaPostureRulesExtensionPoint>({
    id: 'ha-posture.rules',
  });

/**
 * The objects a manifest source found for an entity.
 *
 * @public
 */
export interface HaPostureManifests {
  /** Kubernetes objects, as parsed from YAML or JSON. */
  objects: unknown[];
  /** Tomcat files next to them (server.xml, context.xml, web.xml), by path. */
  files?: Array<{ path: string; content: string }>;
  /** Where they come from, as the card names it ("release todo-web of the Helm registry"). */
  location: string;
}

/**
 * Where a company keeps an entity's manifests other than its repository (rendered Helm
 * releases, a deployment registry): read for entities that carry the source's annotation,
 * when no cluster runs their workloads and they have no `diehard.io/manifests-path`.
 *
 * @public
 */
export interface HaPostureManifestSource {
  /** The entity annotation that names this source's manifests (`acme.io/helm-release`). */
  annotation: string;
  /** The entity's objects, or undefined when this source has none for it. */
  objectsFor(entity: Entity): Promise<HaPostureManifests | undefined>;
}

/**
 * What {@link haPostureManifestSourcesExtensionPoint} offers a backend module.
 *
 * @public
 */
export interface HaPostureManifestSourcesExtensionPoint {
  /**
   * Adds a source of manifests, consulted in the order added. An annotation already used
   * by the posture backend or another source stops the backend at start.
   */
  addManifestSource(source: HaPostureManifestSource): void;
}

/**
 * Adds manifest sources to the HA posture backend (`ha-posture`).
 *
 * @public
 */
export const haPostureManifestSourcesExtensionPoint =
  createExtensionPoint<HaPostureManifestSourcesExtensionPoint>({
    id: 'ha-posture.manifest-sources',
  });
