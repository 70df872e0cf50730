import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';
import { imageTag } from './ImageRule';

describe('imageRule', () => {
  it('reads tags, ports and digests apart', () => {
    expect(imageTag('eni/web')).toBe('');
    expect(imageTag('localhost:5000/eni/web')).toBe('');
    expect(imageTag('localhost:5000/eni/web:1.2')).toBe('1.2');
    expect(imageTag('eni/web@sha256:abc')).toBeUndefined();
  });

  it('fires on latest and on no tag, not on a version', () => {
    const with_ = (image: string) =>
      rulesOn('Deployment/shop/web', [
        deployment(
          'web',
          d => (d.spec.template.spec.containers[0].image = image),
        ),
        pdb(),
        netpol(),
      ]);
    expect(with_('eni/web:latest')).toEqual(['image-unpinned']);
    expect(with_('eni/web')).toEqual(['image-unpinned']);
    expect(with_('eni/web:1.0.1')).toEqual([]);
  });
});
