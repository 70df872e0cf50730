import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { inFrench } from '@diehard/frontend-test-utils';
import { haPostureTranslations } from '../translation';
import { ordersPostureDocument } from '../testing/searchDocuments';
import { HaPostureSearchResultListItem } from './HaPostureSearchResultListItem';

const PRE = '<mark-7f3a>';
const POST = '</mark-7f3a>';

const linesEn = [
  'replicas-single (replicas, critical): Deployment orders runs 1 replica.',
  'if the node of orders stops, orders stops until it is rescheduled',
];
const linesFr = [
  'Deployment orders tourne avec 1 réplica.',
  'si le nœud d’orders s’arrête, orders s’arrête jusqu’à ce qu’il soit replanifié',
];
const around = ['Ingress orders (shop)', 'StatefulSet galera (shop)'];

/** The document for orders, with its finding in both languages. */
const orders = ordersPostureDocument({
  categories: ['replicas', 'storage'],
  linesEn,
  linesFr,
  around,
  text: [
    linesEn[0],
    linesFr[0],
    linesEn[1],
    linesFr[1],
    around.join(', '),
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

  it('without a highlight lists the first findings, in the reader’s language', async () => {
    await renderInTestApp(<HaPostureSearchResultListItem result={orders} />);
    expect(await screen.findByText('Findings')).toBeInTheDocument();
    expect(
      screen.getAllByRole('listitem').map(line => line.textContent),
    ).toEqual(linesEn);
  });

  it('shows a finding matched in both languages once, in French for a French reader', async () => {
    // Lunr marks every line holding the word: the English and the French one.
    const both = {
      preTag: PRE,
      postTag: POST,
      fields: {
        text: `replicas-single (replicas, critical): Deployment ${PRE}orders${POST} runs 1 replica.\nDeployment ${PRE}orders${POST} tourne avec 1 réplica.`,
      },
    };
    await renderInTestApp(
      <HaPostureSearchResultListItem result={orders} highlight={both} />,
      inFrench(haPostureTranslations),
    );
    expect(
      await screen.findByText('Constats correspondants'),
    ).toBeInTheDocument();
    const lines = screen.getAllByRole('listitem');
    expect(lines.map(line => line.textContent)).toEqual([
      linesFr[0],
      linesFr[1],
    ]);
    expect(within(lines[0]).getByText('orders').tagName).toBe('MARK');
  });

  it('from a fragment of a line (PostgreSQL’s headline) shows the whole line', async () => {
    const fragment = {
      preTag: PRE,
      postTag: POST,
      fields: { text: `orders stops until it is ${PRE}rescheduled${POST}` },
    };
    await renderInTestApp(
      <HaPostureSearchResultListItem result={orders} highlight={fragment} />,
    );
    const [line] = await screen.findAllByRole('listitem');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(line).toHaveTextContent(linesEn[1]);
    expect(within(line).getByText('rescheduled').tagName).toBe('MARK');
  });

  it('says when what its pods rely on matched, a service without findings too', async () => {
    const ha = {
      ...orders,
      rules: [],
      linesEn: [],
      linesFr: [],
      text: around.join(', '),
    };
    const galera = {
      preTag: PRE,
      postTag: POST,
      fields: {
        text: `Ingress orders (shop), StatefulSet ${PRE}galera${POST} (shop)`,
      },
    };
    await renderInTestApp(
      <HaPostureSearchResultListItem result={ha} highlight={galera} />,
      inFrench(haPostureTranslations),
    );
    const line = await screen.findByText('Autour de ses pods :', {
      exact: false,
    });
    expect(line).toHaveTextContent(
      'Autour de ses pods : Ingress orders (shop), StatefulSet galera (shop)',
    );
    expect(within(line).getByText('galera').tagName).toBe('MARK');
    expect(
      screen.getByText(
        'Aucun constat : survit à la perte de n’importe quelle machine.',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing of what its pods rely on when that did not match', async () => {
    await renderInTestApp(
      <HaPostureSearchResultListItem result={orders} highlight={highlight} />,
    );
    await screen.findByText('Matching findings');
    expect(screen.queryByText(/Around its pods/)).toBeNull();
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
    const line =
      'replicas-single (replicas, critical): Deployment <b>pwn</b> runs 1 replica.';
    const hostile = {
      ...orders,
      entityTitle: '<img src=x onerror=alert(1)>',
      linesEn: [line],
      linesFr: [line],
      around: ['Ingress <img src=x> (shop)'],
      text: `${line}\nIngress <img src=x> (shop)`,
    };
    const marked = {
      preTag: PRE,
      postTag: POST,
      fields: {
        text: `${PRE}pwn${POST}\nIngress <img ${PRE}src${POST}=x> (shop)`,
      },
    };
    await renderInTestApp(
      <HaPostureSearchResultListItem result={hostile} highlight={marked} />,
    );
    expect(
      await screen.findByRole('link', { name: '<img src=x onerror=alert(1)>' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent(line);
    expect(screen.getByText(/^Around its pods:/)).toHaveTextContent(
      'Around its pods: Ingress <img src=x> (shop)',
    );
    expect(document.querySelector('b, img[src="x"]')).toBeNull();
  });
});
