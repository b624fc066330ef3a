// `npm run bench`: prints the analyzer's speed and size against their budgets. It never fails on
// a figure (a benchmark reports; tests assert behaviour).
import { readFile } from 'node:fs/promises';
import { analyzeEmail } from '../analyzer/index.ts';
import type { EmailInput } from '../analyzer/index.ts';
import { numberOption, parseCommandLine } from '../node/args.ts';
import { ANALYZER_ENTRY, measureAnalyzerBundle } from '../evaluation/bundle.ts';
import { chromiumMissing, firstLessonRenderTimes, timeInChromium } from '../evaluation/chromium.ts';
import { buildCourse, serveStatic } from '../build/course-build.ts';
import { courseSizes } from '../build/course-sizes.ts';
import { buildPackages } from '../../scorm/package.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEmailFile } from '../evaluation/email-file.ts';
import { errorMessage, runCli } from '../node/fail.ts';
import { readTextInput } from '../node/files.ts';
import type { LargeRun } from '../evaluation/large-inputs.ts';
import { BENCH_EMAIL, LARGE_INPUT_KINDS, largeInput, timeInChildProcess } from '../evaluation/large-inputs.ts';
import { median, percentile } from '../evaluation/metrics.ts';
import { formatTable } from '../node/table.ts';
import type { TimingPlan } from '../evaluation/timing.ts';
import { timeRuns } from '../evaluation/timing.ts';

const BUDGET = { nodeMedianMs: 2, chromiumMedianMs: 5, gzipKB: 60, courseInitialKB: 100 };
const FIRST_RENDER_RUNS = 5;
const LARGE_SIZES = [256 * 1024, 1024 * 1024];
const LARGE_TIMEOUT_MS = 30_000;
/** 1 KB = 1000 bytes, as Vite reports sizes. */
const KB = 1000;

const HELP = `Usage: npm run bench [-- --runs N]

Prints, with their budgets: the time to analyse a ~300-word email (${BENCH_EMAIL}) in Node
and in headless Chromium (median and 95th percentile over N runs after warm-up, default 500),
the analyzer's browser bundle size (minified, gzip -9), and one run each of a few 1 MB pastes.
Figures only: the exit code does not depend on them.
`;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function verdict(value: number, budget: number): string {
  return value < budget ? 'OK' : 'OVER';
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
}

function timingRow(engine: string, times: readonly number[], budgetMs: number): string[] {
  const mid = median(times);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return [engine, ms(mid), ms(percentile(times, 95)), ms(mean), `< ${budgetMs} ms`, verdict(mid, budgetMs)];
}

async function chromiumRow(input: EmailInput, plan: TimingPlan): Promise<string[] | string> {
  const missing = chromiumMissing();
  if (missing) return `Chromium: skipped (${missing})`;
  try {
    return timingRow('Chromium', await timeInChromium(input, plan), BUDGET.chromiumMedianMs);
  } catch (error) {
    return `Chromium: could not run (${errorMessage(error)})`;
  }
}

async function printBundle(): Promise<void> {
  console.log(`\nBrowser bundle of ${ANALYZER_ENTRY} (esbuild, minified ESM; 1 KB = 1000 bytes)`);
  try {
    const size = await measureAnalyzerBundle();
    const gzipKB = size.gzipBytes / KB;
    console.log(
      `  minified ${(size.minifiedBytes / KB).toFixed(1)} KB, gzip -9 ${gzipKB.toFixed(1)} KB` +
        `  (budget < ${BUDGET.gzipKB} KB gzip: ${verdict(gzipKB, BUDGET.gzipKB)})`,
    );
    const inputs = size.largestInputs.map((i) => `${i.path} ${(i.bytes / KB).toFixed(1)} KB`).join(', ');
    console.log(`  largest parts (minified): ${inputs}`);
  } catch (error) {
    console.log(`  could not bundle: ${errorMessage(error)}`);
  }
}

/** The built course: what loads before the first lesson shows, and how soon it shows. */
async function printCourse(): Promise<void> {
  console.log('\nThe built course (vite build; everything index.html loads before the first lesson; gzip -9)');
  const dir = await mkdtemp(join(tmpdir(), 'course-bench-'));
  try {
    await buildCourse(dir);
    // The first lesson's own chunk is fetched before it can show; the analyzer's chunk is not.
    const sizes = courseSizes(dir);
    for (const a of sizes.beforeFirstLesson) console.log(`  ${a.path}  ${(a.bytes / KB).toFixed(1)} KB, gzip ${(a.gzipBytes / KB).toFixed(1)} KB`);
    const total = sizes.beforeFirstLessonGzipKB;
    console.log(`  total gzip ${total.toFixed(1)} KB  (budget < ${BUDGET.courseInitialKB} KB: ${verdict(total, BUDGET.courseInitialKB)}; scorm-again is not in it)`);
    console.log(`  loaded just after the first lesson shows (rewrites, worked examples, the analyzer): gzip ${sizes.afterFirstLessonGzipKB.toFixed(1)} KB`);
    const missing = chromiumMissing();
    if (missing) {
      console.log(`  first render: skipped (${missing})`);
      return;
    }
    const server = await serveStatic(dir);
    try {
      const times = await firstLessonRenderTimes(server.url, FIRST_RENDER_RUNS);
      console.log(
        `  navigation to first lesson rendered in headless Chromium (${FIRST_RENDER_RUNS} fresh loads from loopback): ` +
          `median ${ms(median(times))}, max ${ms(Math.max(...times))}`,
      );
    } finally {
      await server.close();
    }
  } catch (error) {
    console.log(`  could not build or load the course: ${errorMessage(error)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The SCORM packages an LMS administrator uploads. */
async function printPackages(): Promise<void> {
  console.log('\nSCORM packages (npm run package: the built course, zipped with its manifest)');
  const dir = await mkdtemp(join(tmpdir(), 'course-packages-'));
  try {
    for (const built of await buildPackages({ outDir: dir })) {
      console.log(`  ${built.version}: ${(built.bytes / KB).toFixed(1)} KB, ${built.fileCount} files`);
    }
  } catch (error) {
    console.log(`  could not package: ${errorMessage(error)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runCell(run: LargeRun | undefined): string {
  if (!run) return 'not run';
  return 'ms' in run ? ms(run.ms) : `failed: ${run.error}`;
}

function growth(small: LargeRun | undefined, large: LargeRun | undefined): string {
  if (!small || !large || !('ms' in small) || !('ms' in large)) return '';
  if (large.ms < 20) return 'too fast to tell';
  // 4× the text: ×4 is linear; less means the analyzer caps what it reads.
  const ratio = large.ms / Math.max(small.ms, 0.001);
  return `×${ratio.toFixed(1)} ${ratio <= 6 ? 'OK (at most linear)' : 'OVER (more than linear)'}`;
}

function printLargeInputs(prose: string): void {
  const [small = 0, large = 0] = LARGE_SIZES;
  console.log(`\nLarge pastes in Node (one run each, in a fresh warmed-up process, stopped after ${LARGE_TIMEOUT_MS / 1000} s)`);
  const rows = [['body', `${small / 1024} KiB`, `${large / 1024} KiB`, 'growth (×4 = linear)']];
  for (const kind of LARGE_INPUT_KINDS) {
    const first = timeInChildProcess(largeInput(kind, small, prose), LARGE_TIMEOUT_MS);
    // A paste that fails or times out at the small size would only take longer at the large one.
    const second = 'ms' in first ? timeInChildProcess(largeInput(kind, large, prose), LARGE_TIMEOUT_MS) : undefined;
    rows.push([kind, runCell(first), runCell(second), growth(first, second)]);
  }
  console.log(formatTable(rows, new Set([1, 2])));
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    runs: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const runs = values.runs === undefined ? 500 : numberOption('runs', values.runs, 1, 1_000_000);
  const plan: TimingPlan = { runs: Math.round(runs), warmup: Math.max(20, Math.round(runs / 10)) };
  const input = parseEmailFile(await readTextInput(BENCH_EMAIL), BENCH_EMAIL);

  console.log(`Email: ${BENCH_EMAIL} (${wordCount(input.body)} words in the body)`);
  console.log(`Time per analysis: ${plan.runs} runs after ${plan.warmup} warm-up runs (performance.now)\n`);
  const header = ['engine', 'median', 'p95', 'mean', 'budget (median)', ''];
  const nodeRow = timingRow('Node', timeRuns(() => analyzeEmail(input), plan), BUDGET.nodeMedianMs);
  const browser = await chromiumRow(input, plan);
  console.log(formatTable(typeof browser === 'string' ? [header, nodeRow] : [header, nodeRow, browser], new Set([1, 2, 3])));
  if (typeof browser === 'string') console.log(browser);
  else console.log("(Chromium's performance.now is coarsened to about 0.1 ms per reading; the mean is exact)");

  await printBundle();
  await printCourse();
  await printPackages();
  printLargeInputs((await readFile(BENCH_EMAIL, 'utf8')).split(/\r?\n\r?\n/).slice(1).join('\n\n'));
  return 0;
}

runCli('bench', main);
