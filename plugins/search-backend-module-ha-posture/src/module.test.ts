import { component, startSearchBackend } from './__testUtils__/searchBackend';

const ORDERS = 'component:default/orders'; // replicas: 1 (replicas-single)
const FRAGILE = 'component:default/eni-todo-fragile'; // spread, storage, sessions…
const HA = 'component:default/eni-todo-ha'; // no finding

describe('HA posture search', () => {
  let stack: Awaited<ReturnType<typeof startSearchBackend>>;
  const refsFor = async (term: string) =>
    (await stack.search(term)).map(d => d.entityRef);

  beforeAll(async () => {
    stack = await startSearchBackend([
      component('orders', 'replicas/single-replica'),
      component('eni-todo-fragile', 'service/eni-todo-fragile'),
      component('eni-todo-ha', 'service/eni-todo-ha'),
    ]);
    await stack.index();
  });

  afterAll(() => stack.backend.stop());

  it('finds the services a rule id names, the affected one first', async () => {
    const refs = await refsFor('replicas-single');
    // Lunr matches any word of the query: eni-todo-fragile's findings speak of
    // replicas and of a single member, and rank below.
    expect(refs[0]).toBe(ORDERS);
    expect(refs).not.toContain(HA);
  });

  it('finds the services with a finding of a category', async () => {
    expect(await refsFor('storage')).toEqual([FRAGILE]);
    expect(await refsFor('sessions')).toEqual([FRAGILE]);
  });

  it('finds the services by a word of a finding, in English and French', async () => {
    expect(await refsFor('quorum')).toEqual([FRAGILE]);
    expect(new Set(await refsFor('eviction'))).toEqual(
      new Set([ORDERS, FRAGILE]),
    );
    // disruption-no-pdb in French: "Aucun budget de perturbation…"
    expect(await refsFor('perturbation')).toEqual([FRAGILE]);
    // replicas-single's single point of failure in French.
    expect(await refsFor('replanifié')).toEqual([ORDERS]);
  });

  it('finds the services whose pods rely on a database, a volume claim or an Ingress, findings or not', async () => {
    // eni-todo-ha has no finding: only what its pods rely on names its volume claim.
    expect(new Set(await refsFor('uploads'))).toEqual(new Set([FRAGILE, HA]));
    expect(new Set(await refsFor('galera'))).toEqual(new Set([FRAGILE, HA]));
    const [ha] = (await stack.search('galera')).filter(d => d.entityRef === HA);
    const around = [
      'Ingress todo-web (eni-todo)',
      'PersistentVolumeClaim todo-web-uploads (eni-todo)',
      'StatefulSet galera (eni-todo)',
    ];
    expect(ha.around).toEqual(around);
    expect(ha.text.split('\n')).toContain(around.join(', '));
  });

  it('titles each service with its grade and links to its HA posture tab', async () => {
    const [orders] = await stack.search('replicas-single');
    expect(orders).toMatchObject({
      title: 'orders · HA D',
      entityTitle: 'orders',
      location: '/catalog/default/component/orders/ha-posture',
      grade: 'D',
      rules: ['replicas-single'],
      categories: ['replicas'],
    });
    expect(orders.text).toContain('Deployment orders runs 1 replica');
    expect(orders.text).toContain('Deployment orders tourne avec 1 réplica');
    // Each line in both languages, side by side, for the result item to show one.
    const english = orders.linesEn.findIndex(line =>
      line.startsWith(
        'replicas-single (replicas, critical): Deployment orders runs 1 replica',
      ),
    );
    expect(orders.linesFr[english]).toBe(
      "Deployment orders tourne avec 1 réplica : une panne de nœud ou une éviction l'arrête.",
    );
  });

  it('indexes a service without findings under its grade', async () => {
    const refs = await refsFor('eni-todo-ha');
    expect(refs).toContain(HA);
    const [ha] = (await stack.search('eni-todo-ha')).filter(
      d => d.entityRef === HA,
    );
    expect(ha.title).toBe('eni-todo-ha · HA A');
    expect(ha.rules).toEqual([]);
  });
});
