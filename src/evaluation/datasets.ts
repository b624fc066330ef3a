// The public calibration data sets (shared/data/README.md), read into plain rows.
import { parseCsv } from '../node/csv.ts';
import { CliError } from '../node/fail.ts';

export interface AskRow {
  isAsk: boolean;
  sentence: string;
}

export interface PolitenessRow {
  text: string;
  score: number;
}

/** Rows read plus the count of lines that could not be used (reported, not fatal). */
export interface Dataset<T> {
  rows: T[];
  skipped: number;
}

/** email-asks TSV: `Yes`/`No`, a tab, the sentence. */
export function parseAskTsv(text: string): Dataset<AskRow> {
  const rows: AskRow[] = [];
  let skipped = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    const label = line.slice(0, tab).trim().toLowerCase();
    const sentence = line.slice(tab + 1).trim();
    if (tab === -1 || (label !== 'yes' && label !== 'no') || sentence === '') skipped += 1;
    else rows.push({ isAsk: label === 'yes', sentence });
  }
  return { rows, skipped };
}

/** Stanford politeness CSV: the `Request` text and its `Normalized Score`. */
export function parsePolitenessCsv(text: string, source: string): Dataset<PolitenessRow> {
  const [header, ...records] = parseCsv(text, source);
  const textColumn = header?.indexOf('Request') ?? -1;
  const scoreColumn = header?.indexOf('Normalized Score') ?? -1;
  if (textColumn < 0 || scoreColumn < 0) {
    throw new CliError(`${source}: expected the columns "Request" and "Normalized Score" in the first line`);
  }
  const rows: PolitenessRow[] = [];
  let skipped = 0;
  for (const record of records) {
    if (record.length === 1 && record[0] === '') continue; // empty line
    const requestText = record[textColumn] ?? '';
    const scoreText = record[scoreColumn]?.trim() ?? '';
    const score = scoreText === '' ? Number.NaN : Number(scoreText);
    if (requestText.trim() === '' || !Number.isFinite(score)) skipped += 1;
    else rows.push({ text: requestText, score });
  }
  return { rows, skipped };
}
