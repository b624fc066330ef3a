import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CliError } from '../../src/node/fail.ts';
import { parseEmailJsonl, toEmailInput } from '../../src/evaluation/jsonl.ts';

describe('parseEmailJsonl', () => {
  it('reads one email a line, skips blank lines and keeps line numbers and other fields', () => {
    const text = '{"id":"a","subject":"S1","body":"B1"}\n\n  \r\n{"subject":"S2","body":"B2","context":{"kind":"update"}}\r\n';
    const emails = parseEmailJsonl(text, 'x.jsonl');
    assert.deepEqual(
      emails.map((e) => [e.line, e.input]),
      [
        [1, { subject: 'S1', body: 'B1' }],
        [4, { subject: 'S2', body: 'B2', context: { kind: 'update' } }],
      ],
    );
    assert.equal(emails[0]?.fields['id'], 'a');
  });

  it('names the file and line of invalid JSON', () => {
    const text = '{"subject":"S","body":"B"}\n{"subject": "S", "body": \n';
    assert.throws(() => parseEmailJsonl(text, 'x.jsonl'), /^CliError: x\.jsonl:2: not valid JSON \(.+\)$/);
  });

  it('names the field that is wrong', () => {
    const messageOf = (line: string): string => {
      try {
        parseEmailJsonl(line, 'x.jsonl');
      } catch (error) {
        return error instanceof CliError ? error.message : `not a CliError: ${String(error)}`;
      }
      return 'no error';
    };
    assert.match(messageOf('{"subject":"S","body":7}'), /x\.jsonl:1: "body" must be a string, not a number/);
    assert.match(messageOf('{"body":"B"}'), /"subject" is missing/);
    assert.match(messageOf('[1,2]'), /expected an object .* not an array/);
    assert.match(messageOf('{"subject":"S","body":"B","context":{"kind":"memo"}}'), /"context\.kind": "memo" is not a kind/);
    assert.match(messageOf('{"subject":"S","body":"B","context":{"audience":"execs"}}'), /"context\.audience": "execs" is not an audience/);
    assert.match(messageOf('{"subject":"S","body":"B","context":{"tone":"warm"}}'), /"context\.tone" is not a context field/);
    assert.match(messageOf('{"subject":"S","body":"B","context":"request"}'), /"context" must be an object, not a string/);
  });

  it('accepts an empty subject and an empty context', () => {
    assert.deepEqual(toEmailInput({ subject: '', body: 'B', context: {} }, 'here'), { subject: '', body: 'B', context: {} });
  });
});
