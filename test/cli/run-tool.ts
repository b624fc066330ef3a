// Runs a command-line tool from src/cli the way npm does (node --import tsx, repo root as cwd).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = 'test/cli/fixtures';

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runTool(script: string, args: readonly string[], stdin?: string | Uint8Array): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}`, ...args], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A user-facing failure: non-zero exit, one line on stderr, no stack trace. */
export function failureLine(run: ToolRun): string {
  if (run.code === 0) throw new Error(`expected a failure, got exit 0 with stdout ${JSON.stringify(run.stdout.slice(0, 200))}`);
  if (/^\s+at /m.test(run.stderr)) throw new Error(`stack trace in stderr:\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got:\n${run.stderr}`);
  return lines[0] ?? '';
}
