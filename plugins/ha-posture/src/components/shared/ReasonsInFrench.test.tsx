import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { inFrench, renderOnEntityPage } from '@diehard/frontend-test-utils';
import {
  EntityPosture,
  MessageRef,
  PostureReport,
} from '@diehard/plugin-ha-posture-common';
import { haPostureTranslations } from '../../translation';
import { EntityHaPostureCard } from '../EntityHaPostureCard';
import { ClustersView } from '../HaPosturePage/ClustersView';
import { HaPostureApi, haPostureApiRef } from '../../api';

const needsToken: MessageRef = {
  id: 'source.cluster.needsUserToken',
  params: { cluster: 'prod', authProvider: 'oidc' },
};

const EMPTY_REPORT: PostureReport = {
  workloads: [],
  services: [],
  cluster: { findings: [], facts: { nodes: 0, nodesPerZone: {} } },
};

/** What the backend answers for an entity it found nowhere (English reason and its messages). */
const nothingFound: EntityPosture = {
  entityRef: 'component:default/todo-web',
  evaluatedAt: new Date().toISOString(),
  source: {
    type: 'none',
    reason: 'in English',
    reasonMessages: [
      {
        id: 'source.none.noWorkload',
        params: {
          clusters: { id: 'source.none.anyClusterRead', params: {} },
          annotations: 'diehard.io/manifests-path',
        },
      },
      needsToken,
    ],
  },
  grade: null,
  singlePointsOfFailure: [],
  report: EMPTY_REPORT,
  placement: [],
};

const api = {
  getEntityPosture: jest.fn(async () => nothingFound),
} as unknown as HaPostureApi;

describe('why nothing was read, in French', () => {
  afterEach(() => localStorage.clear());

  it('says on the card why the entity has no posture, in French', async () => {
    renderOnEntityPage(<EntityHaPostureCard />, {
      apis: [[haPostureApiRef, api]],
      ...inFrench(haPostureTranslations),
    });
    const text = await screen.findByText(
      /aucune charge de travail étiquetée pour cette entité dans les clusters lus, et aucun manifeste désigné par diehard\.io\/manifests-path ; le cluster « prod » utilise oidc : il se lit avec le jeton propre de l'utilisateur connecté/,
    );
    expect(text.textContent).not.toContain('in English');
  });

  it('says on the Clusters tab why a cluster was not read, in French', async () => {
    renderInTestApp(
      <ClustersView
        clusters={[]}
        notEvaluated={[
          { cluster: 'prod', reason: 'in English', reasonMessage: needsToken },
          {
            cluster: 'old',
            reason: 'an older backend says it in English',
          },
        ]}
      />,
      inFrench(haPostureTranslations),
    );
    expect(
      await screen.findByText(
        /^Le cluster prod n'a pas été lu : le cluster « prod » utilise oidc : .*cliquez sur Actualiser, connecté, pour le lire en votre nom$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Le cluster old n'a pas été lu : an older backend says it in English",
      ),
    ).toBeInTheDocument();
  });
});
