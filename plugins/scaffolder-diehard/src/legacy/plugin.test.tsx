import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import {
  DiehardClusterPickerFieldExtension,
  DiehardEntityNameFieldExtension,
  DiehardGaleraClusterFieldExtension,
  DiehardIngressHostFieldExtension,
  DiehardNamespacePickerFieldExtension,
  DiehardStorageClassFieldExtension,
  DiehardUserLanguageFieldExtension,
} from './plugin';

/** What the legacy scaffolder page collects from the app's `<ScaffolderFieldExtensions>`. */
function CollectedFields(props: { outlet: JSX.Element }) {
  const fields = useCustomFieldExtensions(props.outlet);
  return (
    <ul>
      {fields.map(f => (
        <li key={f.name}>
          {[
            f.name,
            f.validation ? 'validated' : 'free',
            Object.keys(
              (f.schema?.uiOptions as { properties?: object })?.properties ??
                {},
            ).join(',') || 'no options',
          ].join(' | ')}
        </li>
      ))}
    </ul>
  );
}

describe('the legacy frontend system', () => {
  it("collects every Diehard field from the app's ScaffolderFieldExtensions, with its validation and options", async () => {
    await renderInTestApp(
      <CollectedFields
        outlet={
          <ScaffolderFieldExtensions>
            <DiehardClusterPickerFieldExtension />
            <DiehardNamespacePickerFieldExtension />
            <DiehardEntityNameFieldExtension />
            <DiehardGaleraClusterFieldExtension />
            <DiehardStorageClassFieldExtension />
            <DiehardIngressHostFieldExtension />
            <DiehardUserLanguageFieldExtension />
          </ScaffolderFieldExtensions>
        }
      />,
    );
    expect(
      screen.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual([
      'DiehardClusterPicker | free | no options',
      'DiehardNamespacePicker | free | clusterField,cluster',
      'DiehardEntityName | validated | kind,namespace',
      'DiehardGaleraCluster | validated | clusterField,namespaceField,nodesField',
      'DiehardStorageClass | validated | clusterField,shared',
      'DiehardIngressHost | validated | clusterField,namespaceField,ingressField',
      'DiehardUserLanguage | free | no options',
    ]);
  });
});
