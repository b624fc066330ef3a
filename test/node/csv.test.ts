import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseCsv } from '../../src/node/csv.ts';
import { parseAskTsv, parsePolitenessCsv } from '../../src/evaluation/datasets.ts';

describe('parseCsv', () => {
  it('splits plain records and fields', () => {
    assert.deepEqual(parseCsv('a,b,c\n1,2,3\n'), [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    assert.deepEqual(parseCsv('a,b\n1,2'), parseCsv('a,b\n1,2\n'));
  });

  it('keeps commas inside quoted fields', () => {
    assert.deepEqual(parseCsv('1,"Thanks, could you look?",0.5\n'), [['1', 'Thanks, could you look?', '0.5']]);
  });

  it('turns doubled quotes into one quote', () => {
    assert.deepEqual(parseCsv('"He said ""hi"", then left",2\n"""quoted"""\n'), [['He said "hi", then left', '2'], ['"quoted"']]);
  });

  it('keeps line breaks inside quoted fields and reads CRLF records', () => {
    assert.deepEqual(parseCsv('a,"line 1\r\nline 2"\r\nb,c\r\n'), [
      ['a', 'line 1\r\nline 2'],
      ['b', 'c'],
    ]);
  });

  it('keeps empty fields, quoted or not', () => {
    assert.deepEqual(parseCsv(',,\n"",x\n'), [
      ['', '', ''],
      ['', 'x'],
    ]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    assert.deepEqual(parseCsv('5" screen,ok\n'), [['5" screen', 'ok']]);
  });

  it('refuses an unclosed quote (naming the line it opened on) and text after a closing quote', () => {
    assert.throws(() => parseCsv('a,b\n"never closed,x\ny\n', 'p.csv'), /p\.csv:2: a quoted field is never closed/);
    assert.throws(() => parseCsv('"a"b,c\n', 'p.csv'), /p\.csv:1: unexpected text after a closing quote/);
  });
});

describe('data sets', () => {
  it('reads the politeness CSV columns by name and skips rows without a score', () => {
    const { rows, skipped } = parsePolitenessCsv(readFileSync('test/cli/fixtures/politeness-sample.csv', 'utf8'), 'p.csv');
    assert.equal(rows.length, 4);
    assert.equal(skipped, 1);
    assert.deepEqual(rows[2], { text: 'Would you mind checking the "Sources" list, please?', score: 0.9 });
    assert.equal(rows[0]?.text, 'Thanks so much, could you have a look at the draft when you get a chance?');
    assert.throws(() => parsePolitenessCsv('Id,Text\n1,hi\n', 'p.csv'), /p\.csv: expected the columns "Request" and "Normalized Score"/);
  });

  it('reads Yes/No ask labels and counts unreadable lines', () => {
    const { rows, skipped } = parseAskTsv('Yes\tCould you call me?\r\nNo\tThe file is attached.\n\nMaybe\tHm.\nno tab here\n');
    assert.deepEqual(rows, [
      { isAsk: true, sentence: 'Could you call me?' },
      { isAsk: false, sentence: 'The file is attached.' },
    ]);
    assert.equal(skipped, 2);
  });
});
