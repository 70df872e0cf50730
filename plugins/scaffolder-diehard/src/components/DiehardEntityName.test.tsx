import { fireEvent, screen } from '@testing-library/react';
import type { ApiHolder } from '@backstage/frontend-plugin-api';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { frenchTranslationApi } from '../__testUtils__/frenchTranslationApi';
import { renderForm } from '../__testUtils__/renderForm';
import { DiehardEntityName, validateEntityName } from './DiehardEntityName';

/**
 * Test doubles of the catalog (the entities it holds, by reference; what it was asked) and,
 * for `french`, of the app's translation API with French loaded on demand.
 */
function catalogHolding(refs: string[], french = false) {
  const asked: string[] = [];
  const apis = new Map<unknown, unknown>([
    [
      catalogApiRef,
      {
        getEntityByRef: async (ref: string) => {
          asked.push(ref);
          return refs.includes(ref)
            ? { kind: 'Component', metadata: { name: ref } }
            : undefined;
        },
      },
    ],
    ...(french
      ? [[translationApiRef, frenchTranslationApi] as [unknown, unknown]]
      : []),
  ]);
  const apiHolder = { get: (ref: unknown) => apis.get(ref) } as ApiHolder;
  return { apiHolder, asked };
}

async function errorsFor(
  name: string,
  catalog: ReturnType<typeof catalogHolding>,
  uiOptions: Record<string, string> = { kind: 'Component' },
) {
  const errors: string[] = [];
  await validateEntityName(
    name,
    { addError: (e: string) => errors.push(e) } as any,
    {
      apiHolder: catalog.apiHolder,
      formData: { name },
      schema: { type: 'string', pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' },
      uiSchema: { 'ui:options': uiOptions as any },
    },
  );
  return errors;
}

describe('DiehardEntityName', () => {
  it('refuses at Next a name the catalog already has for the kind, saying which entity', async () => {
    const catalog = catalogHolding(['component:default/todo']);
    expect(await errorsFor('todo', catalog)).toEqual([
      '“todo” is already in the catalog (component:default/todo): choose another name.',
    ]);
    expect(await errorsFor('todo-2', catalog)).toEqual([]);
    expect(catalog.asked).toEqual([
      'component:default/todo',
      'component:default/todo-2',
    ]);
  });

  it("asks for the template's kind and namespace, and says it in French", async () => {
    const catalog = catalogHolding(['resource:ops/files'], true);
    expect(
      await errorsFor('files', catalog, { kind: 'Resource', namespace: 'ops' }),
    ).toEqual([
      '« files » est déjà dans le catalogue (resource:ops/files) : choisissez un autre nom.',
    ]);
  });

  it("leaves a name the form's own rules refuse to them, without asking the catalog", async () => {
    const catalog = catalogHolding(['component:default/todo']);
    expect(await errorsFor('Todo/../x', catalog)).toEqual([]);
    expect(await errorsFor('', catalog)).toEqual([]);
    expect(catalog.asked).toEqual([]);
  });

  it('is typed in as a text field', async () => {
    const { changes } = await renderForm(
      [
        {
          name: 'name',
          title: 'Name',
          Field: DiehardEntityName,
          uiOptions: { kind: 'Component' },
        },
      ],
      { targets: [] },
    );
    fireEvent.change(screen.getByRole('textbox', { name: /^Name/ }), {
      target: { value: 'todo' },
    });
    expect(changes).toEqual([['name', 'todo']]);
  });
});
