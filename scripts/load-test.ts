// `npm run load-test [-- options]`: many simulated learners sign in to the self-hosted course
// server and commit concurrently; prints commits per second, latency percentiles and errors, then
// checks that every commit the server acknowledged (HTTP 200) is in the database. Its own server
// runs in a child process (scripts/load-server.ts), which reports its longest event-loop stall.
// Bounded: a fixed number of learners and commits, and a time cap. Loopback only: it starts its
// own server on 127.0.0.1 (temporary data folder) unless --url names one on this machine.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { numberOption, parseCommandLine } from '../src/node/args.ts';
import { CliError, runCli, UsageError } from '../src/node/fail.ts';
import { openRecordsDb, recordsFileIn, type RecordsDb } from '../src/server/records-db.ts';
import { CourseClient, learnConfigIn } from '../src/server/course-client.ts';
import { cookieNames } from '../src/server/request-guard.ts';
import { isLoopbackHost } from '../src/server/host.ts';

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

/** The error's code (ECONNRESET, …) says what failed; fetch's TypeError keeps it in its cause. */
function failureName(error: unknown): string {
  if (!(error instanceof Error)) return 'error';
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.name} (${code})` : error.name;
}

function countError(tally: Tally, key: string): void {
  tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
}

/** A realistic commit: the course's cmi tree with a few KB of suspend data and interactions. */
function commitTemplate(n: number): string {
  const interactions = Array.from({ length: Math.min(n, 8) }, (_, i) => ({ id: `rewrite_${i}`, type: 'long-fill-in', learner_response: 'Hi Sam, could you send the report by Friday? Thanks, Ana'.repeat(3), result: i % 2 ? 'correct' : 'incorrect' }));
  const cmi = { completion_status: 'incomplete', success_status: 'unknown', suspend_data: `${MARK}|${'p'.repeat(2000)}`, location: `lesson-${n}`, progress_measure: String(n / 10), interactions, session_time: 'PT1M' };
  return JSON.stringify({ cmi });
}

/** Where a commit's mark (run:learner:n, checked in the database at the end) goes in its template. */
const MARK = '@@mark@@';

/** The commits' bodies, made once per commit number (the same for every learner but the mark), so the generator spends its CPU sending. */
const templates: string[] = [];

function commitBody(run: string, learner: number, n: number): { body: string; mark: string } {
  const mark = `${run}:${learner}:${n}`;
  const template = (templates[n] ??= commitTemplate(n));
  return { body: template.replace(MARK, mark), mark };
}

// Each learner is a browser of their own: one kept-alive connection (opened by the course page,
// reused by every commit), through node:http. fetch (undici) with a timeout signal per request
// cost the load generator about 2.5 ms of CPU a commit, on the same two cores as the server.
const connections = new Map<string, Agent>();

function connectionOf(learner: string): Agent {
  let agent = connections.get(learner);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    connections.set(learner, agent);
  }
  return agent;
}

function send(learner: string, method: 'GET' | 'POST', url: URL, body: string, headers: Record<string, string>, deadline: number): Promise<{ status: number; text: string }> {
  return new Promise((resolveAnswer, reject) => {
    const req = request(url, { method, agent: connectionOf(learner), headers: method === 'POST' ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(Math.max(1, deadline - Date.now()), () => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

interface SignedIn {
  email: string;
  commitUrl: URL | undefined;
  cookie: string;
}

/** Signs a new learner up and opens the course page, as a browser would; the commit URL comes from that page. */
async function signIn(base: URL, run: string, index: number, deadline: number, tally: Tally, signInLatencies: number[]): Promise<SignedIn> {
  const email = `load.${run}.${index}@example.com`;
  const client = new CourseClient(base.href, cookieNames(false, Number(base.port)), { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
  const started = performance.now();
  try {
    const response = await client.signUp(`Load Learner ${index}`, email, `Team ${index % 5}`);
    await response.arrayBuffer();
    if (response.status !== 200) {
      countError(tally, `sign-in ${response.status}`);
      return { email, commitUrl: undefined, cookie: '' };
    }
    // The course page, on the connection the commits then use, as a browser tab keeps it.
    const cookie = client.jar.header();
    const page = await send(email, 'GET', new URL('/learn', base), '', { cookie }, deadline);
    const config = page.status === 200 ? learnConfigIn(page.text) : undefined;
    signInLatencies.push(performance.now() - started);
    if (config) return { email, commitUrl: new URL(config.commitUrl, base), cookie };
    countError(tally, `course page ${page.status}`);
  } catch (error) {
    countError(tally, `sign-in ${failureName(error)}`);
  }
  return { email, commitUrl: undefined, cookie: '' };
}

async function simulateLearner(learner: SignedIn, run: string, index: number, commits: number, deadline: number, tally: Tally): Promise<LearnerOutcome> {
  const { email, commitUrl, cookie } = learner;
  const outcome: LearnerOutcome = { email, acked: 0, lastAckedSequence: 0, lastAckedMark: undefined };
  if (!commitUrl) return outcome;
  const origin = commitUrl.origin;
  for (let n = 0; n < commits && Date.now() < deadline; n++) {
    const { body, mark } = commitBody(run, index, n);
    const started = performance.now();
    tally.sent += 1;
    try {
      // Half come as scorm-again's fetch (JSON), half as sendBeacon's text/plain; both carry the
      // page's Origin, as a browser's do.
      const answer = await send(email, 'POST', commitUrl, body, { cookie, origin, 'content-type': n % 2 ? 'text/plain;charset=UTF-8' : 'application/json' }, deadline);
      tally.latencies.push(performance.now() - started);
      if (answer.status !== 200) {
        countError(tally, `commit ${answer.status}`);
        continue;
      }
      const parsed = JSON.parse(answer.text) as { result?: boolean; sequence?: number };
      if (parsed.result !== true || typeof parsed.sequence !== 'number') {
        countError(tally, 'commit 200 without result');
        continue;
      }
      tally.acked += 1;
      outcome.acked += 1;
      outcome.lastAckedSequence = Math.max(outcome.lastAckedSequence, parsed.sequence);
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

interface ServerStats {
  maxStallMs: number;
  /** The server process's CPU time (all its threads) during the commits. */
  cpuMs: number;
  groups: number;
  writes: number;
  longestGroupMs: number;
}

interface ServerProcess {
  url: string;
  stats(): Promise<ServerStats>;
  /** Counts the server's CPU and stalls from now; answers the longest stall until now. */
  mark(): Promise<number>;
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
  /** Sends the server a command line and reads its one-line JSON answer. */
  const ask = async <T>(command: string): Promise<T> => {
    const answer = nextLine();
    child.stdin.write(`${command}\n`);
    return JSON.parse(await answer) as T;
  };
  return nextLine().then((line) => ({
    url: (JSON.parse(line) as { url: string }).url,
    stats: () => ask<ServerStats>('stats'),
    mark: async () => (await ask<{ maxStallMs: number }>('mark')).maxStallMs,
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
    const deadline = Date.now() + maxSeconds * 1000;
    // Everyone signs in first, then all commit at once: the commits' worst case, measured apart
    // from the sign-ups (which write learners and render pages).
    const signInLatencies: number[] = [];
    const signInStarted = performance.now();
    const signedIn = await Promise.all(Array.from({ length: learners }, (_, i) => signIn(base, run, i, deadline, tally, signInLatencies)));
    const signInSeconds = (performance.now() - signInStarted) / 1000;
    const signInStallMs = await child?.mark();
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const outcomes = await Promise.all(signedIn.map((learner, i) => simulateLearner(learner, run, i, commits, deadline, tally)));
    const seconds = (performance.now() - started) / 1000;
    const clientCpu = process.cpuUsage(cpuAtStart);
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const signInSorted = [...signInLatencies].sort((a, b) => a - b);
    process.stdout.write(
      `  ${signInLatencies.length} learners signed up and opened the course in ${signInSeconds.toFixed(2)} s (each: p50 ${ms(percentile(signInSorted, 50))}, p99 ${ms(percentile(signInSorted, 99))})\n` +
      `  ${tally.acked} of ${tally.sent} commits acknowledged in ${seconds.toFixed(2)} s: ${(tally.acked / seconds).toFixed(0)} commits/s\n` +
        `  latency: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}\n` +
        `  errors: ${tally.errors.size === 0 ? 'none' : [...tally.errors].map(([k, v]) => `${k} ×${v}`).join(', ')}\n`,
    );
    if (Date.now() >= deadline) process.stdout.write(`  stopped at the ${maxSeconds} s cap: ${learners * commits - tally.sent} commits not sent\n`);
    if (child) {
      const stats = await child.stats();
      process.stdout.write(
        `  server: longest event-loop stall ${ms(stats.maxStallMs)} during the commits, ${signInStallMs === undefined ? '?' : ms(signInStallMs)} during the sign-ups (the longest write transaction ${ms(stats.longestGroupMs)}); ${stats.writes} writes (sign-ups and commits) in ${stats.groups} transactions\n` +
          `  CPU during the commits: server ${(stats.cpuMs / 1000).toFixed(2)} s (${(stats.cpuMs / Math.max(1, tally.sent)).toFixed(2)} ms a commit), this load generator ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(2)} s, on the same cores\n` +
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
    for (const agent of connections.values()) agent.destroy();
    await child?.stop();
    db?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

runCli('load-test', main);
