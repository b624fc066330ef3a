// `npm run --silent analyze -- FILE | - | --jsonl FILE.jsonl`: the analyzer on the command line.
import type { AnalyzeOptions } from '../analyzer/index.ts';
import { analyzeEmail } from '../analyzer/index.ts';
import { parseCommandLine } from '../node/args.ts';
import { parseEmailFile } from '../evaluation/email-file.ts';
import { CliError, UsageError, errorMessage, runCli } from '../node/fail.ts';
import { STDIN_LABEL, readTextInput } from '../node/files.ts';
import { isProblem, readEmailJsonl } from '../evaluation/jsonl.ts';
import { renderReport } from '../evaluation/report.ts';
import { loadScenarios, resolveScenario, type ScenarioCatalogue } from '../evaluation/scenarios.ts';
import { parseWeights } from '../evaluation/weights.ts';

const HELP = `Usage:
  npm run --silent analyze -- FILE           readable report of one email
  npm run --silent analyze -- --json FILE    the same as JSON ({"score", "checks"})
  npm run --silent analyze -- --jsonl FILE.jsonl
                                             one compact JSON result a line, in input order

FILE is an email as text: optional header lines at the top (Subject: …, Kind: request|follow-up|
update|announcement, Audience: non-technical|technical; names in any case), a blank line, then
the body. Without header lines the whole file is the body. "-" reads standard input. CRLF line
endings are read as LF, so offsets point into the body with LF line endings.
FILE.jsonl holds one {"subject","body","context","scenario"} object a line; other fields are
ignored and blank lines are skipped. Output line N answers input line N: a line that can't be
analysed (bad JSON, a wrong type, an unknown kind or scenario) gets {"line": N, "error": "…"} in
its place and on standard error, the rest is still analysed, and the exit code is then 1.

Options:
  --json                 print JSON instead of the readable report
  --jsonl FILE.jsonl     analyse a JSON Lines file ("-" for standard input)
  --scenario ID          score as a rewrite of this course scenario (lessons/*.yaml): its
                         kind, audience, rubric and facts, and the exercise's "passed"
  --weights ID=N,…       rubric weights, e.g. subject=2,clear-ask=3 (a missing check weighs 1)
  -h, --help             show this help

Exit codes: 0 done, 1 bad input (for --jsonl: at least one line), 2 bad command line.
`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    json: { type: 'boolean' },
    jsonl: { type: 'string' },
    scenario: { type: 'string' },
    weights: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const options: AnalyzeOptions = values.weights === undefined ? {} : { weights: parseWeights(values.weights) };
  // Lessons are read only when a scenario is asked for.
  let catalogue: ScenarioCatalogue | undefined;
  const scenarioFor = (id: string, where: string) => resolveScenario(id, (catalogue ??= loadScenarios()), where);
  if (values.scenario !== undefined) options.scenario = scenarioFor(values.scenario, '--scenario');

  if (values.jsonl !== undefined) {
    if (positionals.length > 0) throw new UsageError('give either FILE or --jsonl FILE.jsonl, not both');
    const source = values.jsonl === '-' ? STDIN_LABEL : values.jsonl;
    let failed = 0;
    for (const item of readEmailJsonl(await readTextInput(values.jsonl), source)) {
      let out: string;
      try {
        if (isProblem(item)) throw new CliError(item.error);
        const scenario = item.scenario === undefined ? options.scenario : scenarioFor(item.scenario, `${source}:${item.line}`);
        out = JSON.stringify(analyzeEmail(item.input, scenario ? { ...options, scenario } : options));
      } catch (error) {
        const message = error instanceof CliError ? error.message : `${source}:${item.line}: the analyzer failed on this email: ${errorMessage(error)}`;
        failed += 1;
        process.stderr.write(`analyze: ${message}\n`);
        out = JSON.stringify({ line: item.line, error: message });
      }
      process.stdout.write(`${out}\n`);
    }
    return failed > 0 ? 1 : 0;
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
