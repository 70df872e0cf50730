import fs from 'node:fs';
import path from 'node:path';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  diehardClusterPickerField,
  diehardEntityNameField,
  diehardGaleraClusterField,
  diehardIngressHostField,
  diehardNamespacePickerField,
  diehardStorageClassField,
  diehardUserLanguageField,
} from './module';

const templatesDir = path.resolve(__dirname, '../../../templates');

/** The `ui:field` name a form field extension gives the scaffolder. */
async function nameOf(load: () => Promise<unknown>) {
  return ((await load()) as { name: string }).name;
}

describe('the Diehard form fields', () => {
  it("provide every Diehard ui:field the repository's templates use", async () => {
    const provided = [
      await nameOf(
        createExtensionTester(diehardClusterPickerField).get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        ),
      ),
      await nameOf(
        createExtensionTester(diehardNamespacePickerField).get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        ),
      ),
      await nameOf(
        createExtensionTester(diehardEntityNameField).get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        ),
      ),
      await nameOf(
        createExtensionTester(diehardUserLanguageField).get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        ),
      ),
      await nameOf(
        createExtensionTester(diehardGaleraClusterField).get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        ),
      ),
      await nameOf(
        createExtensionTester(diehardStorageClassField).get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        ),
      ),
      await nameOf(
        createExtensionTester(diehardIngressHostField).get(
          FormFieldBlueprint.dataRefs.formFieldLoader,
        ),
      ),
    ];
    expect(provided).toEqual([
      'DiehardClusterPicker',
      'DiehardNamespacePicker',
      'DiehardEntityName',
      'DiehardUserLanguage',
      'DiehardGaleraCluster',
      'DiehardStorageClass',
      'DiehardIngressHost',
    ]);

    const used = new Set<string>();
    for (const template of fs.readdirSync(templatesDir)) {
      const file = path.join(templatesDir, template, 'template.yaml');
      if (!fs.existsSync(file)) continue;
      for (const m of fs
        .readFileSync(file, 'utf8')
        .matchAll(/ui:field:\s*(Diehard\w+)/g)) {
        used.add(`${template}: ${m[1]}`);
      }
    }
    const everyForm = provided.filter(
      f =>
        f !== 'DiehardGaleraCluster' &&
        f !== 'DiehardStorageClass' &&
        f !== 'DiehardIngressHost',
    );
    expect([...used].sort()).toEqual(
      [
        ...[
          'galera-cluster',
          'ha-registry',
          'nfs-volume',
          'tomcat-ha-service',
        ].flatMap(t => everyForm.map(f => `${t}: ${f}`)),
        // The service's database: the Galera clusters the catalog has there.
        'tomcat-ha-service: DiehardGaleraCluster',
        // Classes the claims name (the NFS volume's claim binds to its volume by name).
        ...['galera-cluster', 'ha-registry', 'tomcat-ha-service'].map(
          t => `${t}: DiehardStorageClass`,
        ),
        // Hosts their Ingresses serve.
        ...['ha-registry', 'tomcat-ha-service'].map(
          t => `${t}: DiehardIngressHost`,
        ),
      ].sort(),
    );
  });
});
