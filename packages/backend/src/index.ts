import { createBackend } from '@backstage/backend-defaults';
import { techInsightsModuleHaPostureChecks } from '@diehard/plugin-tech-insights-backend-module-ha-posture';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// Production sign-in (app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

// Diehard: reads files and folders of the diehard.git.servers git servers (the
// catalog's catalog-info.yaml, the HA posture's manifests) with their credentials.
backend.add(import('@diehard/plugin-backend-module-diehard-git-reader'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
// Diehard: image build and push, posture gate, safe apply.
backend.add(import('@diehard/plugin-scaffolder-backend-module-diehard'));

backend.add(import('@backstage/plugin-permission-backend'));
// Diehard's policy: catalog ownership, handoff-review sides, posture, apply per
// cluster (plugins/permission-backend-module-diehard; replace it with your own).
backend.add(import('@diehard/plugin-permission-backend-module-diehard'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Diehard: HA postures in search (rule ids, categories, findings in English and French).
backend.add(import('@diehard/plugin-search-backend-module-ha-posture'));

backend.add(import('@backstage/plugin-kubernetes-backend'));

// Diehard: HA posture of every service, live or from its manifests.
backend.add(import('@diehard/plugin-ha-posture-backend'));
// Diehard: Dev/Ops handoff reviews, checklist from the posture.
backend.add(import('@diehard/plugin-handoff-review-backend'));

// Scorecards: HA posture and review facts, with Diehard's default checks (grade at
// least B, no critical finding, review signed and not stale).
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(import('@diehard/plugin-tech-insights-backend-module-ha-posture'));
backend.add(techInsightsModuleHaPostureChecks);

backend.add(import('@backstage/plugin-user-settings-backend'));
// Pushes user-settings changes and new notifications to open browser tabs.
backend.add(import('@backstage/plugin-signals-backend'));
// The Notifications page's backend: the posture tells a service's owner group
// when its grade drops or a new single point of failure appears.
backend.add(import('@backstage/plugin-notifications-backend'));

backend.start();
