import { waitFor } from '@testing-library/react';
import { renderForm } from '../__testUtils__/renderForm';
import { DiehardUserLanguage } from './DiehardUserLanguage';

const renderLanguage = (french: boolean) =>
  renderForm(
    [{ name: 'language', title: 'Language', Field: DiehardUserLanguage }],
    { targets: [], french },
  );

afterEach(() => localStorage.clear());

describe('DiehardUserLanguage', () => {
  it('holds the language the user reads the portal in, and shows nothing', async () => {
    const { changes } = renderLanguage(true);
    await waitFor(() => expect(changes).toEqual([['language', 'fr']]));
    expect(document.body).not.toHaveTextContent('Language');
  });

  it('holds English by default', async () => {
    const { changes } = renderLanguage(false);
    await waitFor(() => expect(changes).toEqual([['language', 'en']]));
  });
});
