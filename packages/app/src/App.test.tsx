import { render, screen } from '@testing-library/react';
import App from './App';

jest.setTimeout(120_000);

describe('App', () => {
  it('asks a signed-out visitor to sign in as guest', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Diehard' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    // The app loads its extensions lazily: give a busy machine time.
    const wait = { timeout: 60_000 };
    expect(await screen.findByText('Guest', {}, wait)).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Enter' }, wait),
    ).toBeInTheDocument();
  });
});
