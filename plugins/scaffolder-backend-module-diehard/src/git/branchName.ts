import { InputError } from '@backstage/errors';

/** What `git check-ref-format --branch` accepts, minus the rarely wanted corners. */
const BRANCH =
  /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)[A-Za-z0-9._/-]+(?<![./])(?<!\.lock)$/;

/** `branch`, refused with an InputError when it is not a branch name. */
export function branchName(branch: string): string {
  if (!BRANCH.test(branch))
    throw new InputError(`defaultBranch "${branch}" is not a branch name`);
  return branch;
}
