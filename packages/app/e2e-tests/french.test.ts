import { Page } from 'playwright-core';
import { BackendProcess } from '../../backend/src/__testUtils__/startBackendProcess';
import { guestToken } from '../../backend/src/__testUtils__/guestSession';
import { FINDING_MESSAGES_EN } from '../../../plugins/ha-posture-common/src/messages/en';
import { FINDING_MESSAGES_FR } from '../../../plugins/ha-posture-common/src/messages/fr';
import {
  MessageRef,
  renderMessage,
} from '../../../plugins/ha-posture-common/src/messages/format';
import {
  DEFAULT_ITEM_TITLES,
  DEFAULT_ITEM_TITLES_FR,
} from '../../../plugins/handoff-review-common/src/checklistTitles';
import {
  pickOwner,
  screenshot,
  signInAsGuest,
  switchToFrench,
} from './browser';
import { PortalInChromium, portalInChromium } from './portalBackend';

const LEGACY = 'component/default/eni-todo-legacy';

let portal: PortalInChromium | undefined;
let backend: BackendProcess;
let page: Page;
let token: string;

async function api(path: string) {
  const response = await fetch(`${backend.baseUrl}/api/${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

/** The legacy service's findings, once the backend has evaluated it. */
async function legacyFindings(): Promise<any[]> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const posture = await api(`ha-posture/entities/${LEGACY}`);
      const findings = [
        ...posture.report.workloads.flatMap((w: any) => w.findings),
        ...posture.report.cluster.findings,
      ];
      if (findings.length) return findings;
    } catch {
      // not evaluated yet
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error('the legacy service was not evaluated within 90 s');
}

const linesOf = (ref: MessageRef, catalog: Record<string, string>) =>
  renderMessage(ref, catalog)
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean);

/** The English lines of a message that French says otherwise (a YAML snippet reads the same). */
function englishOnlyLines(ref: MessageRef) {
  const french = new Set(linesOf(ref, FINDING_MESSAGES_FR));
  return linesOf(ref, FINDING_MESSAGES_EN).filter(line => !french.has(line));
}

/** Every message a finding carries (its sentence, single point of failure, remediation). */
function messagesOf(finding: any): MessageRef[] {
  return [
    finding.messageId
      ? { id: finding.messageId, params: finding.params ?? {} }
      : undefined,
    finding.spofMessage,
    finding.evidenceMessage,
    finding.remediationMessage,
  ].filter((ref): ref is MessageRef => !!ref);
}

/** The text a reader sees on the page now, with its runs of white space made one. */
async function visibleText() {
  const text = await page.locator('body').innerText();
  return text.replace(/\s+/g, ' ');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** The page says each French text, and none of the English ones they replace. */
async function expectFrenchNotEnglish(french: string[], english: string[]) {
  const text = await visibleText();
  expect(french.filter(t => !text.includes(t))).toEqual([]);
  expect(english.filter(t => text.includes(t))).toEqual([]);
}

/**
 * The tables of the page that do not fit it: each as `its caption or first header: the
 * width it needs > the width it has`. material-table scrolls the columns that do not fit,
 * out of sight; at 1440 px, in French, none may need it.
 */
function tablesScrolled(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')].flatMap(table => {
      const name =
        table.getAttribute('aria-label') ??
        table.querySelector('th')?.textContent ??
        'table';
      for (let e = table.parentElement; e; e = e.parentElement)
        if (e.scrollWidth > e.clientWidth + 1)
          return [`${name}: ${e.scrollWidth} > ${e.clientWidth}`];
      return [];
    }),
  );
}

beforeAll(async () => {
  portal = await portalInChromium();
  ({ backend, page } = portal);
  token = await guestToken(backend.baseUrl);
});

afterAll(() => portal?.stop());

describe('the portal in French', () => {
  let findings: any[];

  it('signs in as guest and switches the interface to French', async () => {
    findings = await legacyFindings();
    expect(findings.every(f => typeof f.messageId === 'string')).toBe(true);
    await signInAsGuest(page, backend.baseUrl);
    await switchToFrench(page, backend.baseUrl);
  });

  it("shows the legacy service's findings and single points of failure in French, none in English", async () => {
    await page.goto(
      `${backend.baseUrl}/catalog/default/component/eni-todo-legacy/ha-posture`,
    );
    const first = renderMessage(
      messagesOf(findings[0])[0],
      FINDING_MESSAGES_FR,
    );
    const sentence = page.getByText(first, { exact: false }).first();
    await sentence.waitFor({ state: 'attached' });
    // Open every category, so each finding's sentence and remediation shows.
    const collapsed = page.locator(
      '.MuiAccordionSummary-root[aria-expanded="false"]',
    );
    while (await collapsed.count()) {
      await collapsed.first().click();
    }
    await sentence.waitFor();
    const text = await visibleText();

    const english = new Set<string>();
    const french = new Set<string>();
    for (const finding of findings) {
      for (const ref of messagesOf(finding)) {
        for (const line of englishOnlyLines(ref)) english.add(oneLine(line));
      }
      french.add(
        oneLine(renderMessage(messagesOf(finding)[0], FINDING_MESSAGES_FR)),
      );
    }
    expect(english.size).toBeGreaterThan(3);
    const frenchLines = [...french];
    expect([...english].filter(line => text.includes(line))).toEqual([]);
    expect(frenchLines.filter(line => !text.includes(line))).toEqual([]);
    await screenshot(page, 'fr-01-legacy-posture');
    expect(await tablesScrolled()).toEqual([]);
  });

  it("offers the templates and the Tomcat service's form in French", async () => {
    await page.goto(`${backend.baseUrl}/create`);
    // The cards' titles and descriptions are the catalog's, in the user's language.
    await page.getByText('Choisir', { exact: true }).first().waitFor();
    await expectFrenchNotEnglish(
      [
        'Modèles',
        'Cluster MariaDB Galera',
        "Registre d'images hautement disponible",
        'Volume NFS-HA partagé',
        'Service Tomcat hautement disponible',
        'Un PersistentVolume ReadWriteMany',
      ],
      [
        'MariaDB Galera cluster',
        'Highly available image registry',
        'Shared NFS-HA volume',
        'Highly available Tomcat service',
        'A ReadWriteMany PersistentVolume',
      ],
    );
    await screenshot(page, 'fr-03-create-templates');

    await page.goto(
      `${backend.baseUrl}/create/templates/default/tomcat-ha-service`,
    );
    // A name the catalog has is refused at Next, in French.
    await page.getByRole('textbox', { name: 'Nom' }).fill('eni-todo-legacy');
    await pickOwner(page, 'Propriétaire', 'Dev', /Dev team/);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page
      .getByText(
        '« eni-todo-legacy » est déjà dans le catalogue (component:default/eni-todo-legacy) : choisissez un autre nom.',
      )
      .first()
      .waitFor();
    await screenshot(page, 'fr-03a-name-taken');
    expect(await visibleText()).not.toContain('is already in the catalog');

    await page.getByRole('textbox', { name: 'Nom' }).fill('todo-fr');
    await expectFrenchNotEnglish(
      [
        'Service Tomcat hautement disponible',
        "Une application web Tomcat 10.1 (Java 17, Jakarta Servlet 6) sur Kubernetes qui survit à la perte de n'importe quelle machine",
        "Lettres minuscules, chiffres et tirets ; nomme le dépôt, l'image et chaque objet Kubernetes.",
        'Propriétaire',
        'Où il tourne',
        'Données',
        'Exposition',
        'Suivant',
      ],
      [
        'Highly available Tomcat service',
        'Lower-case letters',
        'Owner',
        'Where it runs',
        'Next',
      ],
    );
    await screenshot(page, 'fr-03-create-form');
  });

  it("names a run's steps in French, with its log and the failed step's error", async () => {
    // This portal deploys nowhere: the run stops at its first step, and lists them all.
    const response = await fetch(`${backend.baseUrl}/api/scaffolder/v2/tasks`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        templateRef: 'template:default/galera-cluster',
        values: {
          name: 'galera-fr',
          owner: 'group:default/ops-team',
          size: 3,
          cluster: 'lab',
          namespace: 'diehard-apps',
          storageClass: 'local-ssd',
          storageSize: '1Gi',
          credentialsSecret: 'galera-credentials',
          repoOwner: 'ops-team',
          // What the form's hidden DiehardUserLanguage field sends for a French user.
          language: 'fr',
        },
      }),
    });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    await page.goto(`${backend.baseUrl}/create/tasks/${id}`);
    await page.getByText('Vérifier le cluster cible').first().waitFor();
    // The failed run opens its log.
    await page
      .getByText("Début de l'étape « Vérifier le cluster cible »")
      .waitFor();
    // The heading names the template, read from the catalog.
    await page.getByText('Cluster MariaDB Galera').first().waitFor();
    await expectFrenchNotEnglish(
      [
        'Générer les manifestes',
        'Vérifier la posture HA',
        'Publier le dépôt',
        'Enregistrer dans le catalogue',
        'Attendre le catalogue',
        "Début de l'étape « Vérifier le cluster cible »",
        'le cluster « lab » ne fait pas partie des clusters où les modèles peuvent déployer',
      ],
      [
        'is not a cluster templates may deploy to',
        'MariaDB Galera cluster',
        'Check the target cluster',
        'Generate the manifests',
        'Register in the catalog',
        'Wait for the catalog',
        'Beginning step',
      ],
    );
    // The failed step's error, without the server's files.
    expect(await page.locator('body').innerText()).not.toMatch(
      /node_modules|^\s+at /m,
    );
    await screenshot(page, 'fr-04-run-steps');
  });

  it('says in French that an address has no page, with the way to the catalog', async () => {
    await page.goto(`${backend.baseUrl}/catalog`);
    await page.getByText("Il n'y a pas de page à cette adresse.").waitFor();
    await expectFrenchNotEnglish(
      ['ERREUR 404 : PAGE INTROUVABLE', 'Revenir en arrière'],
      ['PAGE NOT FOUND', 'contact support', 'if you think this is a bug'],
    );
    await screenshot(page, 'fr-06-not-found');
    await page.getByRole('link', { name: 'Ouvrir le catalogue' }).click();
    await page
      .getByRole('heading', { name: /Catalogue/ })
      .first()
      .waitFor();
  });

  it('lists the fleet in French, every column in view without scrolling', async () => {
    await page.goto(`${backend.baseUrl}/ha-posture`);
    await page
      .getByRole('row')
      .filter({ hasText: 'ENI Todo (legacy deployment)' })
      .waitFor();
    await expectFrenchNotEnglish(
      ['Tous les services', 'Manifestes'],
      ['All services', 'Manifests'],
    );
    for (const header of ['Avertissements', 'Évalué', 'Source'])
      await page.getByRole('columnheader', { name: header }).waitFor();
    await screenshot(page, 'fr-05-fleet');
    expect(await tablesScrolled()).toEqual([]);
  });

  it('opens a handoff review whose items, findings and history are in French', async () => {
    await page.goto(
      `${backend.baseUrl}/catalog/default/component/eni-todo-legacy/handoff-review`,
    );
    await page
      .getByRole('button', { name: 'Ouvrir une revue de passation' })
      .click();
    const dev = page.getByRole('region', { name: 'Côté Dev' });
    await dev
      .getByRole('article', { name: DEFAULT_ITEM_TITLES_FR['dev-runbook'] })
      .getByRole('button', { name: 'Marquer fait' })
      .click();
    const history = page.getByRole('table', { name: 'Historique' });
    await history
      .getByRole('cell', {
        name: `A marqué « ${DEFAULT_ITEM_TITLES_FR['dev-runbook']} » fait`,
      })
      .waitFor();

    const [review] = (
      await api(
        `handoff-review/reviews?entityRef=${encodeURIComponent(
          'component:default/eni-todo-legacy',
        )}`,
      )
    ).reviews;
    const failing = review.items.filter((i: any) => i.findings?.length);
    expect(failing.length).toBeGreaterThan(0);
    const text = await visibleText();

    // No English title, finding line or engine sentence of the checklist…
    const english = [
      ...Object.values(DEFAULT_ITEM_TITLES),
      ...failing.flatMap((i: any) => i.findings.map(oneLine)),
    ];
    expect(english.filter(line => text.includes(line))).toEqual([]);
    // …but the French ones, each finding from its message id.
    const french = [
      ...Object.values(DEFAULT_ITEM_TITLES_FR),
      ...failing.flatMap((i: any) =>
        i.findingMessages.map((m: any) =>
          oneLine(renderMessage(m.message, FINDING_MESSAGES_FR)),
        ),
      ),
    ];
    expect(french.filter(line => !text.includes(line))).toEqual([]);
    await screenshot(page, 'fr-02-handoff-review');
    expect(await tablesScrolled()).toEqual([]);

    // The reviews waiting for Ops, in French, their table in view.
    await page.goto(`${backend.baseUrl}/handoff-reviews`);
    await page
      .getByRole('row')
      .filter({ hasText: 'ENI Todo (legacy deployment)' })
      .waitFor();
    await screenshot(page, 'fr-02b-handoff-reviews');
    expect(await tablesScrolled()).toEqual([]);
  });
});
