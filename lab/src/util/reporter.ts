/** Receives the lab's progress lines ("postgres: starting on 127.0.0.1:15432"). */
export type Reporter = (line: string) => void;

export const silentReporter: Reporter = () => {};

export const stderrReporter: Reporter = line => {
  process.stderr.write(`\u001b[1;34m==>\u001b[0m ${line}\n`);
};
