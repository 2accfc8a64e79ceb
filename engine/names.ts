/**
 * A scenario's `name` names its run folder: the rule both scenario validation and the run-folder
 * writer apply, so a name `validate` accepts is one `run` can write.
 */

/** Longest name: the folder also carries a `-N` suffix and, while written, a temporary prefix. */
export const MAX_RUN_NAME = 100;

/** Why `name` cannot name a run folder, or undefined when it can. */
export function runNameProblem(name: string): string | undefined {
  if (name !== "" && !name.startsWith(".") && !/[/\\\0]/.test(name) && name.length <= MAX_RUN_NAME)
    return undefined;
  return `found ${JSON.stringify(name)}; allowed: a non-empty folder name of at most ${MAX_RUN_NAME} characters without "/", "\\" or a leading "."`;
}
