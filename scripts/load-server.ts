// The course server the load test measures, in its own process so the simulated learners don't
// share its event loop: `node --import tsx scripts/load-server.ts DATA_DIR LEARNERS [thread|in-process]`. Prints one
// JSON line {url} when listening; a line "stats" on stdin prints {maxStallMs, cpuMs, groups, writes} (CPU since listening, or since a line "mark");
// the end of stdin stops it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { loadCourseForReport } from '../src/server/manager-report.ts';
import { ensurePasscode } from '../src/server/passcode.ts';
import { openRecordsDb, recordsFileIn } from '../src/server/records-db.ts';
import { startCourseServer } from '../src/server/routes.ts';

const [dataDir = '', learnersArg = '200', writerArg = 'thread'] = process.argv.slice(2);
const learners = Number(learnersArg);
const courseDir = join(dataDir, 'course');
mkdirSync(courseDir, { recursive: true });
writeFileSync(join(courseDir, 'index.html'), '<!doctype html><title>Course</title>');
const db = openRecordsDb(recordsFileIn(join(dataDir, 'data')));
await ensurePasscode(db, { MANAGER_PASSCODE: randomBytes(16).toString('hex') });
const server = await startCourseServer({
  db,
  courseDir,
  hostScript: '',
  reportCourse: loadCourseForReport(),
  host: '127.0.0.1',
  port: 0,
  writer: writerArg === 'in-process' ? 'in-process' : 'thread',
  // Every simulated learner signs up from 127.0.0.1 at once.
  rateLimits: { signUpPerClient: { max: learners, windowMs: 60_000 }, signUpGlobal: { max: learners, windowMs: 60_000 } },
});
// Started once the server listens: the stalls of serving, not of building the report course.
const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
// CPU time of the whole process (its writer thread included) from here on, or from the line "mark".
let cpuAtStart = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.trim() === 'mark') {
    // The stalls so far are the sign-ups'; from here they are the commits'.
    process.stdout.write(`${JSON.stringify({ maxStallMs: stalls.max / 1e6 })}\n`);
    stalls.reset();
    cpuAtStart = process.cpuUsage();
  }
  if (line.trim() === 'stats') {
    const cpu = process.cpuUsage(cpuAtStart);
    void server.writeStats().then((writes) => process.stdout.write(`${JSON.stringify({ maxStallMs: stalls.max / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, ...writes })}\n`));
  }
});
input.on('close', () => {
  stalls.disable();
  void server.close().then(() => {
    db.close();
    process.exit(0);
  });
});
