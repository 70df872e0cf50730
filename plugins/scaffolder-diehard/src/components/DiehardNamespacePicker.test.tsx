import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lab, prod, renderForm, Targets } from '../__testUtils__/renderForm';
import { DiehardClusterPicker } from './DiehardClusterPicker';
import { DiehardNamespacePicker } from './DiehardNamespacePicker';

const cluster = () => screen.getByRole('combobox', { name: /Target cluster/ });
const namespace = () => screen.getByRole('combobox', { name: /Namespace/ });

/** The two pickers of a template's "Where it runs" page. */
const renderPickers = (targets: Targets, french = false) =>
  renderForm(
    [
      { name: 'target', title: 'Target cluster', Field: DiehardClusterPicker },
      {
        name: 'namespace',
        title: 'Namespace',
        Field: DiehardNamespacePicker,
        uiOptions: { clusterField: 'target' },
      },
    ],
    { targets, french },
  );

describe('DiehardNamespacePicker', () => {
  it("offers the only cluster's only namespace, both already chosen", async () => {
    const { changes } = renderPickers([lab]);
    await waitFor(() => expect(namespace()).toHaveDisplayValue('diehard-apps'));
    expect(cluster()).toHaveDisplayValue('HA lab');
    expect(changes).toEqual([
      ['target', 'lab'],
      ['namespace', 'diehard-apps'],
    ]);
  });

  it('asks for a cluster first, then follows the cluster chosen, dropping a namespace the new cluster does not open', async () => {
    const { changes } = renderPickers([lab, prod]);
    expect(await screen.findByText('Choose a cluster first.')).toBeVisible();
    expect(namespace()).toBeDisabled();

    await userEvent.selectOptions(cluster(), 'Production');
    await waitFor(() => expect(namespace()).toBeEnabled());
    expect(
      screen.getAllByRole('option', { hidden: true }).map(o => o.textContent),
    ).toContain('billing');
    await userEvent.selectOptions(namespace(), 'billing');
    expect(namespace()).toHaveDisplayValue('billing');

    await userEvent.selectOptions(cluster(), 'HA lab');
    await waitFor(() => expect(namespace()).toHaveDisplayValue('diehard-apps'));
    expect(screen.queryByRole('option', { name: 'billing' })).toBeNull();
    expect(changes).toEqual([
      ['target', 'prod'],
      ['namespace', 'billing'],
      ['target', 'lab'],
      ['namespace', 'diehard-apps'],
    ]);
  });

  it('says clearly when the namespaces cannot be loaded, in French too', async () => {
    renderPickers(new Error('Request failed with 401 Unauthorized'), true);
    expect(
      await screen.findAllByText(
        'Impossible de charger les clusters où vous pouvez déployer : Request failed with 401 Unauthorized',
      ),
    ).toHaveLength(2);
    expect(namespace()).toBeDisabled();
  });
});
