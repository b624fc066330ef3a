// The evaluation's default data sets live in the team's shared folder beside the repository
// (../shared). A clone elsewhere has none: say which file is missing and how to give another.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../node/fail.ts';

/** `path` when it exists; otherwise a CliError naming it, where it was looked for, and the option that replaces it. */
export function defaultDataFile(path: string, what: string, instead: string): string {
  if (existsSync(path)) return path;
  throw new CliError(
    `${what} are not here: the default ${path} (looked for at ${resolve(path)}) comes with the team's shared ` +
      `folder beside this repository. Clone or copy it there, or point to another file: ${instead}`,
  );
}
