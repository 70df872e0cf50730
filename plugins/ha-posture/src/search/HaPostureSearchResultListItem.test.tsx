import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { inFrench } from '@diehard/frontend-test-utils';
import { haPostureTranslations } from '../translation';
import { ordersPostureDocument } from '../testing/searchDocuments';
import { HaPostureSearchResultListItem } from './HaPostureSearchResultListItem';

const PRE = '<mark-7f3a>';
const POST = '</mark-7f3a>';

/** The document for orders, with its finding in both languages. */
const orders = ordersPostureDocument({
  categories: ['replicas', 'storage'],
  text: [
    'replicas-single (replicas, critical): Deployment orders runs 1 replica.',
    'Deployment orders tourne avec 1 réplica.',
    'if the node of orders stops, orders stops until it is rescheduled',
    'si le nœud d’orders s’arrête, orders s’arrête jusqu’à ce qu’il soit replanifié',
  ].join('\n'),
});

/** What PostgreSQL's headline answers for "réplica": the French line marked. */
const highlight = {
  preTag: PRE,
  postTag: POST,
  fields: {
    text: `replicas-single (replicas, critical): Deployment orders runs 1 replica.\nDeployment orders tourne avec 1 ${PRE}réplica${POST}.`,
  },
};

describe('HaPostureSearchResultListItem', () => {
  afterEach(() => localStorage.clear());

  it('shows the grade, the service linking to its HA posture tab, its owner, categories and the matching finding', async () => {
    await renderInTestApp(
      <HaPostureSearchResultListItem result={orders} highlight={highlight} />,
    );
    expect(
      await screen.findByRole('img', { name: 'Grade D' }),
    ).toHaveTextContent('D');
    expect(screen.getByRole('link', { name: 'Orders API' })).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/ha-posture',
    );
    expect(screen.getByText('Owner: shop-team')).toBeInTheDocument();
    expect(screen.getByText('Matching findings')).toBeInTheDocument();
    const [line] = screen.getAllByRole('listitem');
    expect(line).toHaveTextContent('Deployment orders tourne avec 1 réplica.');
    expect(within(line).getByText('réplica').tagName).toBe('MARK');
    // Only the matching line, without the search engine's tags.
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('mark-7f3a');
    expect(screen.getByText('Replicas')).toBeInTheDocument();
    expect(screen.getByText('Storage')).toBeInTheDocument();
  });

  it('says the same in French', async () => {
    await renderInTestApp(
      <HaPostureSearchResultListItem result={orders} highlight={highlight} />,
      inFrench(haPostureTranslations),
    );
    expect(
      await screen.findByRole('img', { name: 'Note D' }),
    ).toHaveTextContent('D');
    expect(
      await screen.findByText('Propriétaire : shop-team'),
    ).toBeInTheDocument();
    expect(screen.getByText('Constats correspondants')).toBeInTheDocument();
    expect(screen.getByText('Réplicas')).toBeInTheDocument();
    expect(screen.getByText('Stockage')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/Owner|Matching|Storage/);
  });

  it('without a highlight lists the first findings', async () => {
    await renderInTestApp(<HaPostureSearchResultListItem result={orders} />);
    expect(await screen.findByText('Findings')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('says a service without findings survives, in French', async () => {
    const ha = {
      ...orders,
      entityTitle: 'eni-todo-ha',
      grade: 'A',
      rules: [],
      categories: [],
      owner: '',
      text: 'No finding: survives the loss of any one machine.\nAucun constat : survit à la perte de n’importe quelle machine.',
    };
    await renderInTestApp(
      <HaPostureSearchResultListItem result={ha} />,
      inFrench(haPostureTranslations),
    );
    expect(
      await screen.findByText(
        'Aucun constat : survit à la perte de n’importe quelle machine.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Sans propriétaire')).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('renders what a manifest wrote as text, never as markup', async () => {
    const hostile = {
      ...orders,
      entityTitle: '<img src=x onerror=alert(1)>',
      text: 'replicas-single (replicas, critical): Deployment <b>pwn</b> runs 1 replica.',
    };
    await renderInTestApp(<HaPostureSearchResultListItem result={hostile} />);
    expect(
      await screen.findByRole('link', { name: '<img src=x onerror=alert(1)>' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'replicas-single (replicas, critical): Deployment <b>pwn</b> runs 1 replica.',
      ),
    ).toBeInTheDocument();
    expect(document.querySelector('b, img[src="x"]')).toBeNull();
  });
});
