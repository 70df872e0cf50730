import { createApiRef } from '@backstage/frontend-plugin-api';

/** A cluster the signed-in user may deploy to, as the templates' pickers show it. */
export interface DiehardTarget {
  /** The name templates pass on to the deploy steps. */
  name: string;
  /** What the form shows. */
  title: string;
  /** Namespaces the portal may deploy to on that cluster. */
  namespaces: string[];
  /** Kinds that may be applied there ("*" for any). */
  kinds: string[];
}

/** The clusters and namespaces of `diehard.apply.clusters` open to the signed-in user. */
export interface DiehardTargetsApi {
  getTargets(): Promise<DiehardTarget[]>;
}

export const diehardTargetsApiRef = createApiRef<DiehardTargetsApi>({
  id: 'plugin.scaffolder.diehard-targets',
});
