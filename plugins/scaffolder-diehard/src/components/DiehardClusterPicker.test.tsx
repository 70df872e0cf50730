import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  kubernetesAuthGiving,
  lab,
  oidcLab,
  prod,
  renderForm,
  Targets,
} from '../__testUtils__/renderForm';
import { DiehardClusterPicker } from './DiehardClusterPicker';

const picker = () => screen.getByRole('combobox', { name: /Cluster/ });
const renderPicker = (targets: Targets, french = false) =>
  renderForm(
    [{ name: 'cluster', title: 'Cluster', Field: DiehardClusterPicker }],
    { targets, french },
  );

describe('DiehardClusterPicker', () => {
  it('shows the only cluster open to the user by its title, already chosen', async () => {
    const { changes } = renderPicker([lab]);
    await waitFor(() => expect(picker()).toHaveDisplayValue('HA lab'));
    expect(changes).toEqual([['cluster', 'lab']]);
  });

  it('lets the user choose among several clusters, choosing none for them', async () => {
    const { changes } = renderPicker([lab, prod]);
    await waitFor(() =>
      expect(screen.getByRole('option', { name: 'Production' })).toBeVisible(),
    );
    expect(picker()).toHaveDisplayValue('');
    expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
      '',
      'HA lab',
      'Production',
    ]);
    await userEvent.selectOptions(picker(), 'Production');
    expect(picker()).toHaveDisplayValue('Production');
    expect(changes).toEqual([['cluster', 'prod']]);
  });

  it("puts the user's token for an oidc cluster in the task secrets, from the Kubernetes plugin's auth provider", async () => {
    const kubernetesAuth = kubernetesAuthGiving('bruno-id-token');
    const { secrets } = renderForm(
      [{ name: 'cluster', title: 'Cluster', Field: DiehardClusterPicker }],
      { targets: [oidcLab], kubernetesAuth },
    );
    await waitFor(() =>
      expect(secrets).toEqual({
        'Backstage-Kubernetes-Authorization-oidc-lab': 'bruno-id-token',
      }),
    );
    expect(kubernetesAuth.getCredentials).toHaveBeenCalledWith('oidc.lab');
  });

  it('asks nothing for a service-account cluster', async () => {
    const kubernetesAuth = kubernetesAuthGiving('unused');
    const { secrets } = renderForm(
      [{ name: 'cluster', title: 'Cluster', Field: DiehardClusterPicker }],
      { targets: [lab], kubernetesAuth },
    );
    await waitFor(() => expect(picker()).toHaveDisplayValue('HA lab'));
    expect(kubernetesAuth.getCredentials).not.toHaveBeenCalled();
    expect(secrets).toEqual({});
  });

  it('says so when the user gives no token for such a cluster', async () => {
    const kubernetesAuth = kubernetesAuthGiving(new Error('sign-in refused'));
    renderForm(
      [{ name: 'cluster', title: 'Cluster', Field: DiehardClusterPicker }],
      {
        targets: [oidcLab],
        kubernetesAuth,
      },
    );
    expect(
      await screen.findByText(
        'Cluster “lab” is deployed to with your own sign-in, and none could be had: sign-in refused. Sign in and choose it again.',
      ),
    ).toBeInTheDocument();
  });

  it('says clearly when the clusters cannot be loaded', async () => {
    renderPicker(new Error('Request failed with 503 Service Unavailable'));
    expect(
      await screen.findByText(
        'Could not load the clusters you may deploy to: Request failed with 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
    expect(picker()).toBeDisabled();
  });

  it('says so when no cluster is open to the user', async () => {
    renderPicker([]);
    expect(
      await screen.findByText(/^No cluster is open to you for deployments\./),
    ).toBeInTheDocument();
  });

  it('speaks French', async () => {
    renderPicker(
      new Error('Request failed with 503 Service Unavailable'),
      true,
    );
    expect(
      await screen.findByText(
        'Impossible de charger les clusters où vous pouvez déployer : Request failed with 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
  });
});
