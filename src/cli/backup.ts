// Backs up the self-hosted records, safe while the server runs:
//   node --import tsx src/cli/backup.ts DATA_DIR_OR_FILE BACKUP_FILE [--overwrite]
// The copy is consistent (SQLite's online backup), checked, and one self-contained file.
import { existsSync, statSync } from 'node:fs';
import { parseCommandLine } from '../node/args.ts';
import { CliError, runCli, UsageError } from '../node/fail.ts';
import { openRecordsDb, RecordsDbError, recordsFileIn } from '../server/records-db.ts';

const USAGE = `Usage: node --import tsx src/cli/backup.ts DATA_DIR_OR_FILE BACKUP_FILE [--overwrite]

Copies the course server's records (DATA_DIR/records.db) into BACKUP_FILE while the server runs.
To restore: stop the server, then copy BACKUP_FILE over DATA_DIR/records.db.`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    overwrite: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [source, target] = positionals;
  if (source === undefined || target === undefined || positionals.length > 2) throw new UsageError('give the data folder (or records file) and the backup file');
  const file = existsSync(source) && statSync(source).isDirectory() ? recordsFileIn(source) : source;
  // Opening a missing path would create an empty records file: a backup never does that.
  if (!existsSync(file)) throw new CliError(`there are no records at ${file}`);
  try {
    const db = openRecordsDb(file);
    try {
      const result = await db.backup(target, { overwrite: values.overwrite });
      const stats = db.stats();
      process.stdout.write(`Backed up ${stats.learners} learners, ${stats.attempts} attempts to ${result.path} (${result.bytes} bytes, schema version ${result.schemaVersion}).\n`);
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof RecordsDbError) throw new CliError(error.message);
    throw error;
  }
  return 0;
}

runCli('backup', main);
