// Child process of the benchmark (large-inputs.ts): warms the analyzer up on the benchmark email,
// then analyses standard input once as an email body and prints {"ms": …}. Not meant for hand use.
import { analyzeEmail } from '../analyzer/index.ts';
import { parseEmailFile } from './email-file.ts';
import { runCli } from '../node/fail.ts';
import { readTextInput } from '../node/files.ts';
import { BENCH_EMAIL } from './large-inputs.ts';

async function main(): Promise<number> {
  const body = await readTextInput('-');
  // Warm up first, so the figure is the paste's own cost rather than compiling the analyzer.
  const email = parseEmailFile(await readTextInput(BENCH_EMAIL), BENCH_EMAIL);
  for (let i = 0; i < 50; i += 1) analyzeEmail(email);
  const start = performance.now();
  analyzeEmail({ subject: 'Pasted text', body });
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
  return 0;
}

runCli('large-input-run', main);
