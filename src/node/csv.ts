// A small RFC 4180 CSV parser: quoted fields may hold commas, newlines and doubled quotes ("").
import { CliError } from './fail.ts';

/** Parses CSV text into records of fields; a final line break does not start an empty record. */
export function parseCsv(text: string, source = 'CSV'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      const openedOn = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CliError(`${source}:${openedOn}: a quoted field is never closed`);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        field += c;
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new CliError(`${source}:${line}: unexpected text after a closing quote`);
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
