import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { stringify } from 'yaml';
import { OidcEndpoint, trustLabCa, useLab } from '@diehard/lab';
import { BackendProcess } from '../__testUtils__/startBackendProcess';
import { guestToken } from '../__testUtils__/guestSession';
import { startBackendWithLabOidc } from '../__testUtils__/labOidcAuth';
import { oidcToken } from './oidcSignIn';

jest.setTimeout(300_000);

/**
 * Issue #16: the portal's API probed by two real users signed in through the lab's
 * OpenID Provider, Alice (dev-team) and Bruno (ops-team), with the permission policy
 * the portal ships (app-config.yaml and the backend as packaged, nothing mocked).
 */
const offset = Number(process.env.DIEHARD_LAB_PORT_OFFSET) || 0;
const PORT = 7131 + offset / 50;
const WEB = 'component:default/eni-todo-web';
/** Owned by a team neither Alice nor Bruno is in. */
const QA_OWNED = 'component:default/security-qa-owned';
/** Readable only by its owner (ops-team) and Ops. */
const RESTRICTED = 'component:default/security-restricted';

const fixtures = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'security-qa-owned' },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:qa-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'security-restricted',
      description: 'The payments ledger',
      annotations: { 'diehard.io/restricted': 'true' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:ops-team' },
  },
];

let backend: BackendProcess;
let fixtureDir: string;
let alice: string;
let bruno: string;

async function api(
  token: string,
  route: string,
  init: { method?: string; body?: unknown } = {},
) {
  const res = await fetch(`${backend.baseUrl}${route}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

const reviews = (token: string, route = '', init?: Parameters<typeof api>[2]) =>
  api(token, `/api/handoff-review/reviews${route}`, init);

async function openReview(token: string, entityRef: string) {
  const res = await reviews(token, '', { method: 'POST', body: { entityRef } });
  expect([res.status, res.json?.error?.message]).toEqual([201, undefined]);
  return res.json;
}

const change = (token: string, review: any, body: object) =>
  reviews(token, `/${review.id}/changes`, {
    method: 'POST',
    body: { version: review.version, change: body },
  });

const inDays = (days: number) =>
  new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

/**
 * Waits until the catalog holds `refs`, read as the demo guest (in both teams, so it
 * reads the restricted entity too). A fresh token each time: its groups come from
 * the catalog as it was at sign-in.
 */
async function waitForCatalog(refs: string[]) {
  const deadline = Date.now() + 90_000;
  let missing = refs;
  while (Date.now() < deadline) {
    const res = await api(
      await guestToken(backend.baseUrl),
      '/api/catalog/entities/by-refs',
      { method: 'POST', body: { entityRefs: refs } },
    );
    if (res.status === 200) {
      missing = refs.filter((_r, i) => !res.json.items[i]);
      if (!missing.length) return;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`the catalog did not hold ${missing.join(', ')} within 90 s`);
}

function cluster(name: string) {
  return {
    name,
    url: 'https://127.0.0.1:1',
    authProvider: 'serviceAccount',
    serviceAccountToken: 'unused-by-this-test',
  };
}

beforeAll(async () => {
  const { oidc } = (await useLab(['oidc'])) as { oidc: OidcEndpoint };
  // The provider is HTTPS with the lab CA: trusted by this test's fetch and the portal.
  trustLabCa(oidc.caPem);
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diehard-security-'));
  const fixtureFile = path.join(fixtureDir, 'catalog-info.yaml');
  fs.writeFileSync(fixtureFile, fixtures.map(e => stringify(e)).join('---\n'));
  const repo = path.resolve(__dirname, '../../../..');
  backend = await startBackendWithLabOidc(oidc, PORT, {
    catalog: {
      locations: [
        { type: 'file', target: path.join(repo, 'examples/eni-todo.yaml') },
        {
          type: 'file',
          target: path.join(repo, 'examples/org.yaml'),
          rules: [{ allow: ['User', 'Group'] }],
        },
        { type: 'file', target: fixtureFile },
      ],
    },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [cluster('dev-only'), cluster('shared')],
        },
      ],
    },
    diehard: {
      registries: [{ name: 'internal', host: '127.0.0.1:1' }],
      apply: {
        clusters: [
          {
            name: 'dev-only',
            namespaces: ['eni-todo'],
            kinds: ['*'],
            groups: ['group:default/dev-team'],
          },
          { name: 'shared', namespaces: ['eni-todo'], kinds: ['*'] },
        ],
      },
    },
  });
  // Sign-in resolves users from the catalog: wait for it.
  await waitForCatalog([
    WEB,
    QA_OWNED,
    RESTRICTED,
    'user:default/alice',
    'user:default/bruno',
  ]);
  const user = (email: string) => oidc.users.find(u => u.email === email)!;
  alice = await oidcToken(backend.baseUrl, user('alice@example.com'));
  bruno = await oidcToken(backend.baseUrl, user('bruno@example.com'));
});

afterAll(async () => {
  await backend?.stop();
  if (fixtureDir) fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('the portal API under the shipped permission policy, as Alice (Dev) and Bruno (Ops)', () => {
  it('signs both in through the OpenID Provider as their catalog users', async () => {
    const who = async (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
    expect(await who(alice)).toBe('user:default/alice');
    expect(await who(bruno)).toBe('user:default/bruno');
  });

  it('lets only the side that owns an item waive it, and no one outside both the owner group and Ops', async () => {
    const web = await openReview(alice, WEB);
    const waive = (itemId: string) => ({
      action: 'waive',
      itemId,
      reason: 'accepted for the pilot',
      expiresOn: inDays(30),
    });

    const devWaivesOps = await change(
      alice,
      web,
      waive('posture-control-plane'),
    );
    expect([devWaivesOps.status, devWaivesOps.json.error.message]).toEqual([
      403,
      "waiving item 'posture-control-plane' is for the Ops side: user:default/alice is not a member of group:default/ops-team",
    ]);
    const opsWaivesDev = await change(bruno, web, waive('dev-runbook'));
    expect([opsWaivesDev.status, opsWaivesDev.json.error.message]).toEqual([
      403,
      "waiving item 'dev-runbook' is for the Dev side: user:default/bruno is not a member of group:default/dev-team",
    ]);

    // Alice is neither in qa-team (the owner) nor in Ops.
    const qa = await openReview(bruno, QA_OWNED);
    const outsider = await change(alice, qa, waive('dev-runbook'));
    expect([outsider.status, outsider.json.error.message]).toEqual([
      403,
      `the permission policy refuses handoff-review.waive on ${QA_OWNED} to user:default/alice`,
    ]);

    for (const [token, review] of [
      [alice, web],
      [bruno, qa],
    ]) {
      const history = await reviews(token, `/${review.id}/history`);
      expect(history.json.events.map((e: any) => e.action)).toEqual(['open']);
    }

    // The right side may: Bruno waives the Ops item.
    const ok = await change(bruno, web, waive('posture-control-plane'));
    expect(ok.status).toBe(200);
    expect(ok.json.itemStates['posture-control-plane']).toBe('waived');
  });

  it('refuses waivers whose reason shows nothing or whose expiry is no real date or too far, naming the field', async () => {
    const review = await openReview(bruno, RESTRICTED);
    const cases: Array<[string, string, string]> = [
      ['\u200B', inDays(30), 'change.reason must contain visible text'],
      [' \u2060\n', inDays(30), 'change.reason must contain visible text'],
      [
        'ok',
        '9999-99-99',
        "change.expiresOn must be a real date (YYYY-MM-DD), got '9999-99-99'",
      ],
      [
        'ok',
        '2027-02-30',
        "change.expiresOn must be a real date (YYYY-MM-DD), got '2027-02-30'",
      ],
      [
        'ok',
        inDays(91),
        `change.expiresOn must be no later than ${inDays(90)}`,
      ],
    ];
    for (const [reason, expiresOn, message] of cases) {
      const res = await change(bruno, review, {
        action: 'waive',
        itemId: 'posture-control-plane',
        reason,
        expiresOn,
      });
      expect([res.status, res.json.error.message]).toEqual([
        400,
        expect.stringContaining(message),
      ]);
    }
  });

  it('refuses an Ops user answering a Dev item or signing for Dev', async () => {
    const [review] = (await reviews(alice, `?entityRef=${WEB}`)).json.reviews;
    const answer = await change(bruno, review, {
      action: 'answer',
      itemId: 'dev-runbook',
      done: true,
    });
    expect([answer.status, answer.json.error.message]).toEqual([
      403,
      "item 'dev-runbook' is for the Dev side: user:default/bruno is not a member of group:default/dev-team",
    ]);
    const signOff = await change(bruno, review, {
      action: 'sign-off',
      side: 'dev',
    });
    expect(signOff.status).toBe(403);
    const after = await reviews(alice, `/${review.id}`);
    expect(after.json.version).toBe(review.version);
  });

  it('exports a review whose comments and reasons try to forge sign-offs, checked items and HTML as plain text', async () => {
    const review = await openReview(alice, 'component:default/eni-todo-legacy');
    const hostile = [
      'ok\n\n## Sign-offs\n\n- Ops: user:default/bruno on 2026-12-01, at grade A\n- Dev: user:default/alice on 2026-12-01, at grade A',
      '\n- [x] Load tested at the expected peak — passed',
      '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>',
      '[approved](https://evil.example) `rm -rf` **LGTM**',
    ];
    let current = review;
    for (const text of hostile) {
      const res = await change(alice, current, {
        action: 'comment',
        itemId: 'dev-load-tested',
        text,
      });
      expect(res.status).toBe(200);
      current = res.json;
    }
    const exported = await reviews(bruno, `/${review.id}/export`);
    expect(exported.status).toBe(200);
    const tokens = new MarkdownIt({ html: true, linkify: true }).parse(
      exported.text,
      {},
    );
    const headings = tokens.flatMap((t, i) =>
      t.type === 'heading_open' ? [tokens[i + 1].content] : [],
    );
    expect(headings).toEqual([
      'Handoff review: component:default/eni-todo-legacy',
      'Dev side',
      'Ops side',
      'Sign-offs',
      'History',
    ]);
    expect(exported.text).toContain('## Sign-offs\n\nNone yet.\n');
    const types = new Set(
      tokens.flatMap(t => [t.type, ...(t.children ?? []).map(c => c.type)]),
    );
    for (const type of [
      'html_block',
      'html_inline',
      'link_open',
      'image',
      'code_inline',
    ]) {
      expect([type, types.has(type)]).toEqual([type, false]);
    }
    // The only checked items are those the records say passed.
    const checked = tokens
      .filter(t => t.type === 'inline' && t.level === 3)
      .map(t => t.content)
      .filter(line => line.startsWith('[x]'));
    expect(checked.every(line => line.endsWith('— passed'))).toBe(true);
    expect(checked.some(line => line.includes('Load tested'))).toBe(false);
  });

  it('answers 404 for reviews of an entity the user cannot read, as for no review, and lists none', async () => {
    const [review] = (await reviews(bruno, `?entityRef=${RESTRICTED}`)).json
      .reviews;
    expect(review).toBeDefined();
    const notFound = `no handoff review '${review.id}'`;

    const entity = await api(
      alice,
      '/api/catalog/entities/by-name/component/default/security-restricted',
    );
    expect(entity.status).toBe(404);
    for (const route of ['', '/history', '/export']) {
      const res = await reviews(alice, `/${review.id}${route}`);
      expect([route, res.status, res.json?.error?.message]).toEqual([
        route,
        404,
        notFound,
      ]);
      expect(res.text).not.toContain('payments');
    }
    const comment = await change(alice, review, {
      action: 'comment',
      itemId: 'dev-runbook',
      text: 'let me in',
    });
    expect(comment.status).toBe(404);
    const listed = await reviews(alice);
    expect(listed.json.reviews.map((r: any) => r.entityRef)).not.toContain(
      RESTRICTED,
    );
    const posture = await api(
      alice,
      '/api/ha-posture/entities/component/default/security-restricted',
    );
    expect(posture.status).toBe(403);

    // Bruno (Ops) still reads all of it.
    expect((await reviews(bruno, `/${review.id}/export`)).status).toBe(200);
  });

  it('answers 400, not 500, to malformed entity refs', async () => {
    for (const entityRef of ['component:default/', ':/']) {
      const open = await reviews(alice, '', {
        method: 'POST',
        body: { entityRef },
      });
      expect([entityRef, open.status, open.json.error.message]).toEqual([
        entityRef,
        400,
        `entityRef must be an entity ref like component:default/my-service, got '${entityRef}'`,
      ]);
      const list = await reviews(
        alice,
        `?entityRef=${encodeURIComponent(entityRef)}`,
      );
      expect([entityRef, list.status]).toEqual([entityRef, 400]);
    }
  });

  it('offers each user only the clusters their groups may apply to', async () => {
    const names = async (token: string) =>
      (await api(token, '/api/scaffolder/diehard/targets')).json.clusters.map(
        (c: any) => c.name,
      );
    expect(await names(alice)).toEqual(['dev-only', 'shared']);
    expect(await names(bruno)).toEqual(['shared']);
  });

  it('lets only owners and Ops refresh a posture', async () => {
    // eni-todo-galera belongs to ops-team: Alice neither owns it nor is in Ops.
    const refresh = await api(
      alice,
      '/api/ha-posture/entities/resource/default/eni-todo-galera/refresh',
      { method: 'POST' },
    );
    expect([refresh.status, refresh.json?.error?.message]).toEqual([
      403,
      expect.stringContaining('ha-posture.entity.refresh'),
    ]);
  });

  it("lets only an entity's owners unregister it", async () => {
    const web = await api(
      bruno,
      '/api/catalog/entities/by-name/component/default/eni-todo-web',
    );
    const deleted = await api(
      bruno,
      `/api/catalog/entities/by-uid/${web.json.metadata.uid}`,
      { method: 'DELETE' },
    );
    expect(deleted.status).toBe(403);
    const still = await api(
      alice,
      '/api/catalog/entities/by-name/component/default/eni-todo-web',
    );
    expect(still.status).toBe(200);
  });

  it('lets developers push images only under apps, Ops anywhere', async () => {
    const mayPush = async (token: string, resourceRef: string) => {
      const res = await api(token, '/api/permission/authorize', {
        method: 'POST',
        body: {
          items: [
            {
              id: '1',
              permission: {
                type: 'resource',
                name: 'diehard.image.push',
                attributes: { action: 'update' },
                resourceType: 'diehard-image-repository',
              },
              resourceRef,
            },
          ],
        },
      });
      expect(res.status).toBe(200);
      return res.json.items[0].result;
    };
    expect(await mayPush(alice, 'internal/apps/shop')).toBe('ALLOW');
    // The platform's base images, which every service is built from.
    expect(await mayPush(alice, 'internal/platform/tomcat')).toBe('DENY');
    expect(await mayPush(alice, 'elsewhere/apps/shop')).toBe('DENY');
    expect(await mayPush(bruno, 'internal/platform/tomcat')).toBe('ALLOW');
  });

  it("keeps the Kubernetes proxy, which acts with the portal's credentials, to Ops", async () => {
    const proxy = (token: string) =>
      fetch(`${backend.baseUrl}/api/kubernetes/proxy/api/v1/namespaces`, {
        headers: {
          Authorization: `Bearer ${token}`,
          'Backstage-Kubernetes-Cluster': 'shared',
        },
      });
    expect((await proxy(alice)).status).toBe(403);
    // Allowed: it goes on to the cluster, which this test does not run.
    expect((await proxy(bruno)).status).not.toBe(403);
  });
});
