/** The CSV export: RFC 4180 quoting, a UTF-8 BOM for Excel, and no formulas from learners' names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutralizeFormula, renderReportCsv, toCsv } from '../../src/report/csv.ts';
import { buildReport } from '../../src/report/model.ts';
import { parseCsv } from '../../src/node/csv.ts';
import { attemptOf, CHECK_NAMES, NOW, outline } from './fixtures.ts';

function learner(id: string, name: string, extra: Record<string, unknown> = {}) {
  return attemptOf({ committed_at: '2024-06-03T12:00:00Z', ...extra, cmi: { learner_id: id, learner_name: name, completion_status: 'completed', success_status: 'failed', score: { raw: '64' }, total_time: 'PT45M' } });
}

describe('toCsv', () => {
  it('starts with a BOM, ends rows with CRLF, quotes commas, quotes and line breaks', () => {
    const csv = toCsv([
      ['a', 'b, c', 'say "hi"', 'two\nlines', null, 3.5, -2],
    ]);
    assert.equal(csv, '\uFEFFa,"b, c","say ""hi""","two\nlines",,3.5,-2\r\n');
  });

  it('makes text starting with = + - @ tab or CR inert with a leading quote', () => {
    assert.deepEqual(
      ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', 'Ana', "'already", ' =x'].map(neutralizeFormula),
      ["'=1+1", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", 'Ana', "'already", ' =x'],
    );
  });
});

describe('renderReportCsv', () => {
  const model = buildReport(
    [
      learner('x1', '=HYPERLINK("http://x")', { team: '@team' }),
      learner('x2', '-2+3'),
      learner('x3', 'Okafor, Ben'),
      learner('x4', 'Tomás Álvarez', { team: 'Sales' }),
    ],
    outline,
    { checkNames: { ...CHECK_NAMES, subject: 'Subject line' }, now: NOW },
  );
  const csv = renderReportCsv(model);
  const rows = parseCsv(csv.slice(1).replace(/\r\n/g, '\n'));

  it('has the table columns plus one column per check', () => {
    assert.ok(csv.startsWith('\uFEFFLearner ID,Name,Team,Status,Score,Completed on,Last active,Attempts,Time spent (minutes),Skills mastered,Diagnostic score,Final score,Improvement,Subject line (score),'));
    assert.equal(rows[0]?.length, 13 + 9);
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.length === rows[0]?.length));
  });

  it('writes a learner named like a formula as inert text, quoted where RFC 4180 needs it', () => {
    assert.ok(csv.includes(`\r\nx1,"'=HYPERLINK(""http://x"")",'@team,Failed,64,2024-06-03,2024-06-03,1,45,0,,,,`), csv);
    assert.ok(csv.includes(`\r\nx2,'-2+3,,Failed,64,`));
    const byId = new Map(rows.map((r) => [r[0], r]));
    assert.equal(byId.get('x1')?.[1], `'=HYPERLINK("http://x")`);
    assert.equal(byId.get('x2')?.[1], "'-2+3");
    assert.equal(byId.get('x3')?.[1], 'Okafor, Ben');
    assert.equal(byId.get('x4')?.[1], 'Tomás Álvarez');
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+@\t\r]/, `cell ${JSON.stringify(cell)} could run as a formula`);
  });
});
