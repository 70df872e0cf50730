import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { NotFoundPage } from './NotFoundPage';

describe('NotFoundPage', () => {
  it('says the address has no page, with the way back', async () => {
    await renderInTestApp(<NotFoundPage />);
    expect(
      await screen.findByText('There is no page at this address.'),
    ).toBeInTheDocument();
    expect(screen.getByText('ERROR 404: PAGE NOT FOUND')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go back' })).toBeInTheDocument();
    expect(screen.queryByText(/contact support/)).not.toBeInTheDocument();
  });
});
