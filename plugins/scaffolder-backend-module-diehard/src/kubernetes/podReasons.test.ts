import { APPLY_WORDS } from './applyWords';
import { containerReason } from './podReasons';

// The lab's nodes are KWOK's: they pull no images and run no containers, so image pull
// errors and crash loops cannot happen there. These are container statuses as a real
// kubelet reports them; the rest of podReasons runs against the lab (rollout.test.ts,
// kubernetesApply.test.ts).
/** A Tomcat container in a crash loop, as the kubelet reports it. */
const crashLoop = {
  name: 'tomcat',
  ready: false,
  restartCount: 4,
  state: {
    waiting: {
      reason: 'CrashLoopBackOff',
      message: 'back-off 1m20s restarting failed container=tomcat',
    },
  },
  lastState: { terminated: { exitCode: 1, reason: 'Error' } },
};

describe('containerReason', () => {
  it('says an image cannot be pulled, with the kubelet message, as a reason not to wait for', () => {
    expect(
      containerReason({
        name: 'app',
        ready: false,
        restartCount: 0,
        state: {
          waiting: {
            reason: 'ImagePullBackOff',
            message:
              'Back-off pulling image "registry.example/team/app:1.0": ErrImagePull: manifest unknown',
          },
        },
      }),
    ).toEqual({
      text: 'container app: ImagePullBackOff: Back-off pulling image "registry.example/team/app:1.0": ErrImagePull: manifest unknown',
      lasting: true,
    });
  });

  it('says a crash loop with the last exit code and the restarts', () => {
    expect(containerReason(crashLoop)).toEqual({
      text: 'container tomcat: CrashLoopBackOff: back-off 1m20s restarting failed container=tomcat (last exit code 1: Error, 4 restarts)',
      lasting: true,
    });
  });

  it('leaves a container that is being created, or waits for its probe, to the grace period', () => {
    expect(
      containerReason({
        name: 'app',
        state: { waiting: { reason: 'ContainerCreating' } },
      }),
    ).toEqual({ text: 'container app: ContainerCreating', lasting: false });
    expect(
      containerReason({
        name: 'app',
        ready: false,
        state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
      }),
    ).toEqual({
      text: 'container app: running but not ready (readiness probe)',
      lasting: false,
    });
    expect(
      containerReason({ name: 'app', ready: true, state: { running: {} } }),
    ).toBeUndefined();
  });

  it("says it in French to a French-speaking user, quoting the kubelet's words as it wrote them", () => {
    expect(containerReason(crashLoop, APPLY_WORDS.fr)).toEqual({
      text: 'conteneur tomcat : CrashLoopBackOff: back-off 1m20s restarting failed container=tomcat (dernier code de sortie 1 : Error, 4 redémarrages)',
      lasting: true,
    });
    expect(
      containerReason(
        { name: 'app', ready: false, state: { running: {} } },
        APPLY_WORDS.fr,
      ),
    ).toEqual({
      text: 'conteneur app : démarré mais pas prêt (sonde readiness)',
      lasting: false,
    });
  });

  it('cuts a long message (a kubelet may quote a whole registry answer)', () => {
    const r = containerReason({
      name: 'app',
      state: { waiting: { reason: 'ErrImagePull', message: 'x'.repeat(5000) } },
    });
    expect(r!.text.length).toBeLessThan(400);
  });
});
