// Large pastes for the benchmark: one run each, in a separate process with a time limit, so an
// accidentally quadratic (or catastrophic-backtracking) rule shows up as a figure, not a hang.
import { spawnSync } from 'node:child_process';
import { errorMessage } from '../node/fail.ts';

/** The ~300-word realistic email the benchmark times (and warms up on). */
export const BENCH_EMAIL = 'test/fixtures/bench-email-300.txt';

export const LARGE_INPUT_KINDS = ['prose', 'words', 'no-spaces', 'newlines'] as const;
export type LargeInputKind = (typeof LARGE_INPUT_KINDS)[number];

const WORDS = (
  'please review the budget for next quarter before our meeting on friday because the team ' +
  'needs a decision about laptops training travel and the new office printer thanks'
).split(' ');

/** Exactly `chars` characters of one kind of paste; `prose` repeats the given sample text. */
export function largeInput(kind: LargeInputKind, chars: number, prose: string): string {
  let unit: string;
  switch (kind) {
    case 'prose':
      unit = `${prose.trim()}\n\n`;
      break;
    case 'words': {
      // One endless sentence: words and single spaces, no punctuation, in a fixed pseudo-random order.
      let seed = 7;
      const picks: string[] = [];
      for (let i = 0; i < 997; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        picks.push(WORDS[seed % WORDS.length] ?? 'word');
      }
      unit = `${picks.join(' ')} `;
      break;
    }
    case 'no-spaces':
      unit = 'abcdefghijklmnopqrstuvwxyz';
      break;
    case 'newlines':
      unit = '\n';
      break;
  }
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

export type LargeRun = { ms: number } | { error: string };

const RUNNER = 'src/evaluation/large-input-run.ts';

/** Times one analysis of `body` in a fresh, warmed-up Node process, stopped after `timeoutMs`. */
export function timeInChildProcess(body: string, timeoutMs: number): LargeRun {
  const child = spawnSync(process.execPath, ['--import', 'tsx', RUNNER], {
    input: body,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (child.error) {
    const timedOut = 'code' in child.error && child.error.code === 'ETIMEDOUT';
    return { error: timedOut ? `stopped after ${timeoutMs / 1000} s` : errorMessage(child.error) };
  }
  if (child.status !== 0) {
    const firstLine = child.stderr.trim().split('\n')[0] ?? '';
    return { error: firstLine || (child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`) };
  }
  try {
    const parsed: unknown = JSON.parse(child.stdout);
    if (typeof parsed === 'object' && parsed !== null && 'ms' in parsed && typeof parsed.ms === 'number') {
      return { ms: parsed.ms };
    }
  } catch {
    // fall through
  }
  return { error: `unexpected output from ${RUNNER}` };
}
