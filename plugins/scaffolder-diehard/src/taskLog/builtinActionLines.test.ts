import type { LogEvent } from '@backstage/plugin-scaffolder-common';
import {
  TranslateBuiltinActionLine,
  translateBuiltinActionLine,
} from './builtinActionLines';

const event = (message: string, stepId = 'fetch'): LogEvent => ({
  id: 1,
  taskId: 't1',
  type: 'log',
  createdAt: '2026-12-07T00:00:00Z',
  body: { message, stepId },
});
/** What a translation function gives: the key and its parameters, to see both. */
const spell: TranslateBuiltinActionLine = (line, params) =>
  `${line}(${JSON.stringify(params)})`;
const shown = (message: string) =>
  translateBuiltinActionLine(event(message), spell).body.message;
const INFO = '\u001b[32minfo\u001b[39m: ';

describe('translateBuiltinActionLine', () => {
  it("translates the lines of Backstage's own actions as a run's log carries them, level and colours kept", () => {
    expect(
      shown(
        `${INFO}Writing file k8s/deployment.yaml to template output path with mode 33188.`,
      ),
    ).toBe(`${INFO}writingFile({"path":"k8s/deployment.yaml","mode":"33188"})`);
    expect(
      shown(`${INFO}Writing directory src/main/ to template output path.`),
    ).toBe(`${INFO}writingDirectory({"path":"src/main/"})`);
    expect(
      shown(
        `${INFO}Processing 53 template files/directories with input values {"name":"todo","replicas":3}`,
      ),
    ).toBe(
      `${INFO}processing({"count":"53","values":"{\\"name\\":\\"todo\\",\\"replicas\\":3}"})`,
    );
    expect(shown(`${INFO}Template result written to the workspace`)).toBe(
      `${INFO}written({})`,
    );
    expect(
      shown(
        `${INFO}Committing file to repo {dir=.,message=Initial commit: todo from the tomcat-ha-service template}`,
      ),
    ).toBe(
      `${INFO}gitCommit({"message":"Initial commit: todo from the tomcat-ha-service template"})`,
    );
    expect(shown(`${INFO}Adding file {dir=.,filepath=.}`)).toBe(
      `${INFO}gitAdd({})`,
    );
    expect(
      shown(
        'info: Registering http://git.example/dev-team/todo/raw/main/catalog-info.yaml in the catalog',
      ),
    ).toBe(
      'info: registering({"url":"http://git.example/dev-team/todo/raw/main/catalog-info.yaml"})',
    );
  });

  it("leaves every other line as it is: Diehard's own, a tool's output, the runner's, a line named like one", () => {
    for (const message of [
      `${INFO}image poussée : 127.0.0.1:15000/apps/todo@sha256:1d07`,
      'warn: Copying blob sha256:9a8bbf9e82fc',
      'Beginning step Generate the project',
      'Writing file k8s/deployment.yaml to template output path with mode 33188.',
      `${INFO}Writing file a.yaml to template output path with mode 33188. And more`,
      `${INFO}Template result written to /tmp/0bddab38`,
    ]) {
      const e = event(message);
      expect(translateBuiltinActionLine(e, spell)).toBe(e);
    }
  });
});
