import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { defaultDataFile } from '../../src/evaluation/default-data.ts';
import { CliError } from '../../src/node/fail.ts';

describe('defaultDataFile', () => {
  it('returns a default data file that is there', () => {
    assert.equal(defaultDataFile('test/cli/fixtures/labelled.jsonl', 'The labelled emails', '--x'), 'test/cli/fixtures/labelled.jsonl');
  });

  it('names a missing one, where it was looked for, and how to point elsewhere', () => {
    const missing = '../no-shared-here/emails/dev.jsonl';
    assert.throws(
      () => defaultDataFile(missing, 'The labelled emails', 'npm run eval -- FILE.jsonl'),
      (error: unknown) =>
        error instanceof CliError &&
        error.message ===
          `The labelled emails are not here: the default ${missing} (looked for at ${resolve(missing)}) comes with the team's shared ` +
            "folder beside this repository. Clone or copy it there, or point to another file: npm run eval -- FILE.jsonl",
    );
  });
});
