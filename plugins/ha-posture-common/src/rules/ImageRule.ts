import { msg } from '../messages/format';
import { containersOf } from '../kube/podSpec';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

const latest: RuleCheck = {
  id: 'image-unpinned',
  category: 'image',
  severity: 'warning',
  title: 'Image has no tag or uses latest',
};

/** The tag of an image reference, `''` when it has none, `undefined` when pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? '' : image.slice(colon + 1);
}

/** `image`: no tag or `latest`: a restart may run other code, a rollback has nothing to go back to. */
export const imageRule: PostureRule = {
  checks: [latest],
  evaluate({ workload: w }) {
    const spec = w.template.spec;
    const all = [
      ...containersOf(spec),
      ...(Array.isArray(spec.initContainers) ? spec.initContainers : []),
    ];
    return all
      .filter(
        c =>
          typeof c?.image === 'string' &&
          ['', 'latest'].includes(imageTag(c.image) ?? 'pinned'),
      )
      .map(c =>
        findingFor(latest, w, {
          message: msg(
            imageTag(c.image) === ''
              ? 'image-unpinned.noTag.message'
              : 'image-unpinned.message',
            { container: `${c.name}`, workload: label(w), image: c.image },
          ),
          evidence: `image: ${c.image}`,
          remediation: msg('image-unpinned.remediation', {
            snippet: `containers:\n  - name: ${
              c.name
            }\n    image: ${c.image.replace(/:latest$/, '')}:1.4.2`,
          }),
        }),
      );
  },
};
