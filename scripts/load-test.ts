// `npm run load-test [-- options]`: many simulated learners sign in to the self-hosted course
// server and commit concurrently; prints commits per second, latency percentiles and errors, then
// checks that every commit the server acknowledged (HTTP 200) is in the database. Its own server
// runs in a child process (scripts/load-server.ts), which reports its longest event-loop stall.
// Bounded: a fixed number of learners and commits, and a time cap. Loopback only: it starts its
// own server on 127.0.0.1 (temporary data folder) unless --url names one on this machine.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { numberOption, parseCommandLine } from '../src/node/args.ts';
import { CliError, runCli, UsageError } from '../src/node/fail.ts';
import { openRecordsDb, recordsFileIn, type RecordsDb } from '../src/server/records-db.ts';
import { CourseClient } from '../src/server/course-client.ts';
import { cookieNames } from '../src/server/request-guard.ts';
import { isLoopbackHost } from '../src/server/routes.ts';

const HELP = `Usage: npm run load-test [-- options]
  --learners N      simulated learners, all at once (default 200, at most 2000)
  --commits N       commits per learner (default 10, at most 200)
  --max-seconds N   stop sending after this long (default 120, at most 600)
  --url URL         a running server on this machine (loopback only) instead of a new one;
                    then --data DIR (its data folder) is needed to check the records
  --data DIR        the data folder of the server at --url
  --writer MODE     where its own server writes: thread (default) or in-process (the main
                    thread, grouped per loop turn), to compare the two on the same machine
`;

interface Tally {
  latencies: number[];
  errors: Map<string, number>;
  acked: number;
  sent: number;
}

interface LearnerOutcome {
  email: string;
  acked: number;
  lastAckedSequence: number;
  lastAckedMark: string | undefined;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** fetch's TypeError says only "fetch failed": its cause's code (ECONNRESET, …) says what. */
function failureName(error: unknown): string {
  if (!(error instanceof Error)) return 'error';
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? `${error.name} (${cause.code})` : error.name;
}

function countError(tally: Tally, key: string): void {
  tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
}

/** A realistic commit: the course's cmi tree with a few KB of suspend data and interactions. */
function commitBody(run: string, learner: number, n: number): { body: string; mark: string } {
  const mark = `${run}:${learner}:${n}`;
  const interactions = Array.from({ length: Math.min(n, 8) }, (_, i) => ({ id: `rewrite_${i}`, type: 'long-fill-in', learner_response: 'Hi Sam, could you send the report by Friday? Thanks, Ana'.repeat(3), result: i % 2 ? 'correct' : 'incorrect' }));
  const cmi = { completion_status: n === 0 ? 'incomplete' : 'incomplete', success_status: 'unknown', suspend_data: `${mark}|${'p'.repeat(2000)}`, location: `lesson-${n}`, progress_measure: String(n / 10), interactions, session_time: 'PT1M' };
  return { body: JSON.stringify({ cmi }), mark };
}

async function simulateLearner(base: URL, run: string, index: number, commits: number, deadline: number, tally: Tally): Promise<LearnerOutcome> {
  const email = `load.${run}.${index}@example.com`;
  const outcome: LearnerOutcome = { email, acked: 0, lastAckedSequence: 0, lastAckedMark: undefined };
  const client = new CourseClient(base.href, cookieNames(false, Number(base.port)), { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
  let commitUrl: URL | undefined;
  try {
    const response = await client.signUp(`Load Learner ${index}`, email, `Team ${index % 5}`);
    await response.arrayBuffer();
    const config = response.status === 200 ? await client.learnConfig() : undefined;
    if (config) commitUrl = new URL(config.commitUrl, base);
    else countError(tally, `sign-in ${response.status}`);
  } catch (error) {
    countError(tally, `sign-in ${failureName(error)}`);
  }
  if (!commitUrl) return outcome;
  const cookie = client.jar.header();
  for (let n = 0; n < commits && Date.now() < deadline; n++) {
    const { body, mark } = commitBody(run, index, n);
    const started = performance.now();
    tally.sent += 1;
    try {
      // Half come as scorm-again's fetch (JSON), half as sendBeacon's text/plain.
      const response = await fetch(commitUrl, { method: 'POST', body, headers: { cookie, 'content-type': n % 2 ? 'text/plain;charset=UTF-8' : 'application/json' }, signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
      const text = await response.text();
      tally.latencies.push(performance.now() - started);
      if (response.status !== 200) {
        countError(tally, `commit ${response.status}`);
        continue;
      }
      const answer = JSON.parse(text) as { result?: boolean; sequence?: number };
      if (answer.result !== true || typeof answer.sequence !== 'number') {
        countError(tally, 'commit 200 without result');
        continue;
      }
      tally.acked += 1;
      outcome.acked += 1;
      outcome.lastAckedSequence = Math.max(outcome.lastAckedSequence, answer.sequence);
      outcome.lastAckedMark = mark;
    } catch (error) {
      countError(tally, `commit ${failureName(error)}`);
    }
  }
  return outcome;
}

/** Every acknowledged commit is in the database: per attempt, the count and the latest one. */
function verify(db: RecordsDb, outcomes: readonly LearnerOutcome[]): string[] {
  const problems: string[] = [];
  for (const o of outcomes) {
    if (o.acked === 0) continue;
    const learner = db.learnerByEmail(o.email);
    if (!learner) {
      problems.push(`${o.email}: no learner in the database`);
      continue;
    }
    const attempts = db.listRecordsForReport({ learnerId: learner.id });
    if (attempts.length !== 1) problems.push(`${o.email}: ${attempts.length} attempts, expected 1`);
    const record = attempts[0];
    if (!record) continue;
    const saved = db.latestCommit(record.attempt_id);
    if (!saved) {
      problems.push(`${o.email}: ${o.acked} commits acknowledged, none stored`);
      continue;
    }
    if (saved.sequence < o.acked || saved.sequence < o.lastAckedSequence) problems.push(`${o.email}: ${o.acked} acknowledged (last sequence ${o.lastAckedSequence}), ${saved.sequence} stored`);
    const storedMark = String(saved.body.cmi['suspend_data'] ?? '').split('|')[0];
    if (saved.sequence === o.lastAckedSequence && storedMark !== o.lastAckedMark) problems.push(`${o.email}: the stored commit is ${storedMark}, the last acknowledged ${o.lastAckedMark ?? '?'}`);
  }
  return problems;
}

interface ServerProcess {
  url: string;
  stats(): Promise<{ maxStallMs: number; groups: number; writes: number; longestGroupMs: number }>;
  stop(): Promise<void>;
}

/** scripts/load-server.ts in a child process: the server measured apart from the simulated learners. */
function startServerProcess(dir: string, learners: number, writer: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./load-server.ts', import.meta.url)), dir, String(learners), writer], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () =>
    new Promise<string>((resolveLine, reject) => {
      waiting.push(resolveLine);
      child.once('exit', (code) => reject(new CliError(`the load test's server stopped (exit ${code ?? 'signal'})`)));
    });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return nextLine().then((line) => ({
    url: (JSON.parse(line) as { url: string }).url,
    stats: async () => {
      const answer = nextLine();
      child.stdin.write('stats\n');
      return JSON.parse(await answer) as { maxStallMs: number; groups: number; writes: number; longestGroupMs: number };
    },
    stop: async () => {
      child.stdin.end();
      await exited;
    },
  }));
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    learners: { type: 'string' },
    commits: { type: 'string' },
    'max-seconds': { type: 'string' },
    url: { type: 'string' },
    data: { type: 'string' },
    writer: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const learners = values.learners === undefined ? 200 : numberOption('learners', values.learners, 1, 2000);
  const commits = values.commits === undefined ? 10 : numberOption('commits', values.commits, 1, 200);
  const maxSeconds = values['max-seconds'] === undefined ? 120 : numberOption('max-seconds', values['max-seconds'], 1, 600);
  if (!Number.isInteger(learners) || !Number.isInteger(commits)) throw new UsageError('--learners and --commits must be whole numbers');
  const writer = values.writer ?? 'thread';
  if (writer !== 'thread' && writer !== 'in-process') throw new UsageError(`--writer must be thread or in-process, not "${writer}"`);

  let child: ServerProcess | undefined;
  let dataDir: string;
  let base: URL;
  let temp: string | undefined;
  if (values.url !== undefined) {
    try {
      base = new URL(values.url);
    } catch {
      throw new UsageError(`--url is not a URL: ${values.url}`);
    }
    if (base.protocol !== 'http:' || !isLoopbackHost(base.hostname)) throw new UsageError(`--url must be a http:// server on this machine (127.0.0.1, localhost or [::1]); ${base.host} is not`);
    if (values.data === undefined) throw new UsageError('--url needs --data DIR, the data folder of that server, to check the records');
    dataDir = resolve(values.data);
  } else {
    temp = mkdtempSync(join(tmpdir(), 'load-test-'));
    child = await startServerProcess(temp, learners, writer);
    base = new URL(child.url);
    dataDir = join(temp, 'data');
  }

  let db: RecordsDb | undefined;
  try {
    const run = randomBytes(4).toString('hex');
    process.stdout.write(`load test: ${learners} learners × ${commits} commits against ${base.href}${child ? ` (writes: ${writer})` : ''} (cap ${maxSeconds} s)\n`);
    const tally: Tally = { latencies: [], errors: new Map(), acked: 0, sent: 0 };
    const started = performance.now();
    const deadline = Date.now() + maxSeconds * 1000;
    const outcomes = await Promise.all(Array.from({ length: learners }, (_, i) => simulateLearner(base, run, i, commits, deadline, tally)));
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    process.stdout.write(
      `  ${tally.acked} of ${tally.sent} commits acknowledged in ${seconds.toFixed(2)} s: ${(tally.acked / seconds).toFixed(0)} commits/s\n` +
        `  latency: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}\n` +
        `  errors: ${tally.errors.size === 0 ? 'none' : [...tally.errors].map(([k, v]) => `${k} ×${v}`).join(', ')}\n`,
    );
    if (Date.now() >= deadline) process.stdout.write(`  stopped at the ${maxSeconds} s cap: ${learners * commits - tally.sent} commits not sent\n`);
    if (child) {
      const stats = await child.stats();
      process.stdout.write(
        `  server: longest event-loop stall ${ms(stats.maxStallMs)} (the longest write transaction ${ms(stats.longestGroupMs)}); ${stats.writes} writes (sign-ups and commits) in ${stats.groups} transactions\n` +
          `  machine: load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} cores (a busy machine stalls every process)\n`,
      );
      await child.stop();
      child = undefined;
    }

    db = openRecordsDb(recordsFileIn(dataDir));
    const problems = verify(db, outcomes);
    if (problems.length > 0) {
      problems.slice(0, 20).forEach((p) => process.stderr.write(`load test: missing: ${p}\n`));
      throw new CliError(`${problems.length} learner${problems.length === 1 ? '' : 's'} lack acknowledged commits in the database`);
    }
    const attempts = outcomes.filter((o) => o.acked > 0).length;
    process.stdout.write(`  database: all ${tally.acked} acknowledged commits are stored (count and latest commit checked for ${attempts} attempts)\n`);
    if (tally.errors.size > 0) throw new CliError('some requests failed (see errors above)');
    return 0;
  } finally {
    await child?.stop();
    db?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

runCli('load-test', main);
