// `npm run train [-- --check]`: fits each check's verdict on the training emails and writes
// src/analyzer/verdict-weights.json; `--check` fits again and compares with the file instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { readTrainingEmails, serialiseModel, trainModel, WEIGHTS_FILE } from '../evaluation/fit-verdicts.ts';
import { TRAINING_FILES } from '../evaluation/labelled-sets.ts';
import { parseCommandLine } from '../node/args.ts';
import { CliError, runCli } from '../node/fail.ts';

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(`Usage: npm run train [-- --check]\n\nFits the checks' verdicts on ${TRAINING_FILES.join(', ')}\nand writes ${WEIGHTS_FILE}; --check compares instead of writing (exit 1 if they differ).\n`);
    return 0;
  }
  const emails = readTrainingEmails();
  const text = serialiseModel(trainModel(emails));
  if (values.check) {
    const current = readFileSync(WEIGHTS_FILE, 'utf8');
    if (current !== text) throw new CliError(`${WEIGHTS_FILE} is not what npm run train produces from the training files: run npm run train`);
    console.log(`${WEIGHTS_FILE} matches a fresh fit on ${emails.length} emails.`);
    return 0;
  }
  writeFileSync(WEIGHTS_FILE, text);
  console.log(`Fitted ${Object.keys(JSON.parse(text).checks).length} checks on ${emails.length} labelled emails; wrote ${WEIGHTS_FILE}.`);
  return 0;
}

runCli('train', main);
