import { requestAuthFromHeaders } from './requestAuth';

describe('requestAuthFromHeaders', () => {
  it("reads the Kubernetes plugin's headers into its request auth shape", () => {
    expect(
      requestAuthFromHeaders({
        'backstage-kubernetes-authorization-oidc-lab': 'id-token',
        'backstage-kubernetes-authorization-oidc-okta': 'other',
        'backstage-kubernetes-authorization-google': 'g-token',
        authorization: 'Bearer backstage',
      }),
    ).toEqual({ oidc: { lab: 'id-token', okta: 'other' }, google: 'g-token' });
    expect(requestAuthFromHeaders({ accept: 'application/json' })).toEqual({});
  });

  it('refuses a token too long to be one, naming the header and not the value', () => {
    const call = () =>
      requestAuthFromHeaders({
        'backstage-kubernetes-authorization-google': 'x'.repeat(20_000),
      });
    expect(call).toThrow(
      'header backstage-kubernetes-authorization-google is longer than 16384 characters',
    );
  });
});
