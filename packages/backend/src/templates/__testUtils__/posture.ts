import {
  evaluatePosture,
  PostureReport,
} from '@diehard/plugin-ha-posture-common';

/** The Tomcat files of a generated project, as the posture gate reads them. */
export function tomcatFiles(
  files: Map<string, string>,
): Array<{ path: string; content: string }> {
  return [...files]
    .filter(([p]) => /(^|\/)(server|context|web)\.xml$/.test(p))
    .map(([p, content]) => ({ path: p, content }));
}

/** The HA posture engine's report for generated manifests, under the service's name. */
export function postureOf(
  objects: unknown[],
  files: Array<{ path: string; content: string }>,
  service: string,
): PostureReport {
  return evaluatePosture({
    objects,
    files,
    entity: { metadata: { name: service } },
  });
}
