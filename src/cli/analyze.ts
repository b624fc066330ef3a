// `npm run --silent analyze -- FILE | - | --jsonl FILE.jsonl`: the analyzer on the command line.
import type { AnalyzeOptions } from '../analyzer/index.ts';
import { analyzeEmail } from '../analyzer/index.ts';
import { parseCommandLine } from './args.ts';
import { parseEmailFile } from './email-file.ts';
import { CliError, UsageError, errorMessage, runCli } from './fail.ts';
import { STDIN_LABEL, readTextInput } from './files.ts';
import { parseEmailJsonl } from './jsonl.ts';
import { renderReport } from './report.ts';
import { parseWeights } from './weights.ts';

const HELP = `Usage:
  npm run --silent analyze -- FILE           readable report of one email
  npm run --silent analyze -- --json FILE    the same as JSON ({"score", "checks"})
  npm run --silent analyze -- --jsonl FILE.jsonl
                                             one compact JSON result a line, in input order

FILE is an email as text: optional header lines at the top (Subject: …, Kind: request|follow-up|
update|announcement, Audience: non-technical|technical; names in any case), a blank line, then
the body. Without header lines the whole file is the body. "-" reads standard input. CRLF line
endings are read as LF, so offsets point into the body with LF line endings.
FILE.jsonl holds one {"subject","body","context"} object a line; other fields are ignored,
blank lines are skipped, and every object gets exactly one output line.

Options:
  --json                 print JSON instead of the readable report
  --jsonl FILE.jsonl     analyse a JSON Lines file ("-" for standard input)
  --weights ID=N,…       rubric weights, e.g. subject=2,clear-ask=3 (a missing check weighs 1)
  -h, --help             show this help

Exit codes: 0 done, 1 bad input, 2 bad command line.
`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    json: { type: 'boolean' },
    jsonl: { type: 'string' },
    weights: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const options: AnalyzeOptions = values.weights === undefined ? {} : { weights: parseWeights(values.weights) };

  if (values.jsonl !== undefined) {
    if (positionals.length > 0) throw new UsageError('give either FILE or --jsonl FILE.jsonl, not both');
    const source = values.jsonl === '-' ? STDIN_LABEL : values.jsonl;
    const emails = parseEmailJsonl(await readTextInput(values.jsonl), source);
    // Every line is checked before any output, so the output is all-or-nothing and stays aligned.
    const lines = emails.map(({ line, input }) => {
      try {
        return JSON.stringify(analyzeEmail(input, options));
      } catch (error) {
        throw new CliError(`${source}:${line}: the analyzer failed on this email: ${errorMessage(error)}`);
      }
    });
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }

  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('no email given: name a FILE, - for standard input, or --jsonl FILE.jsonl');
  if (extra.length > 0) throw new UsageError(`one FILE at a time (got ${positionals.length}); use --jsonl for many emails`);
  const input = parseEmailFile(await readTextInput(file), file === '-' ? STDIN_LABEL : file);
  const result = analyzeEmail(input, options);
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderReport(input, result));
  return 0;
}

runCli('analyze', main);
