import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from '../../src/node/files.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('decodeText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    assert.equal(decodeText(new TextEncoder().encode('Café – ok'), 'f'), 'Café – ok');
    assert.equal(decodeText(bytes(0xef, 0xbb, 0xbf, 0x48, 0x69), 'f'), 'Hi');
  });

  it('refuses binary data, invalid UTF-8 and UTF-16, naming the file', () => {
    assert.throws(() => decodeText(bytes(0x48, 0x00, 0x69), 'a.bin'), /^CliError: a\.bin looks like a binary file/);
    assert.throws(() => decodeText(bytes(0x63, 0x61, 0x66, 0xe9), 'l1.txt'), /^CliError: l1\.txt is not valid UTF-8 text/);
    assert.throws(() => decodeText(bytes(0xff, 0xfe, 0x48, 0x00), 'u16.txt'), /^CliError: u16\.txt is UTF-16 text/);
  });
});
