import type { GaleraEndpoint } from './components/galera';
import type { GitEndpoint } from './components/git';
import type { OidcEndpoint } from './components/oidc';
import type { KubernetesEndpoint } from './components/kubernetes';
import type { PostgresEndpoint } from './components/postgres';
import type { RegistryEndpoint } from './components/registry';
import type { TomcatEndpoint } from './components/tomcat';

/** What `lab up` records per component (plain JSON; `yarn lab env --json`). */
export interface LabEndpoints {
  postgres: PostgresEndpoint;
  registry: RegistryEndpoint;
  kubernetes: KubernetesEndpoint;
  galera: GaleraEndpoint;
  tomcat: TomcatEndpoint;
  git: GitEndpoint;
  oidc: OidcEndpoint;
}
