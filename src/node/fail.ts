// Clean exits for the command-line tools: a user-facing failure is one line on stderr and a
// non-zero exit code, never a stack trace.
import { terminalSafe } from './terminal-safe.ts';

/** A failure the user can fix (bad input, missing file): its message is shown as is. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A wrong command line (unknown option, missing argument): exit code 2, points at --help. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(`${message} (try --help)`, 2);
    this.name = 'UsageError';
  }
}

/** The message of anything thrown, on one line. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * Runs a tool's main function and turns its outcome into an exit code. Unexpected errors are
 * shown on one line too; CLI_DEBUG=1 adds the stack for whoever debugs the tool itself.
 */
export function runCli(name: string, main: () => Promise<number>): void {
  // `… | head -2` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error: unknown) => {
    if (errorCode(error) === 'EPIPE') process.exit(0);
    process.stderr.write(`${name}: cannot write output: ${errorMessage(error)}\n`);
    process.exit(1);
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (errorCode(error) === 'EPIPE') return;
      if (error instanceof CliError) {
        process.stderr.write(`${name}: ${terminalSafe(errorMessage(error))}\n`);
        process.exitCode = error.exitCode;
        return;
      }
      const stack = process.env['CLI_DEBUG'] && error instanceof Error ? `\n${error.stack ?? ''}` : '';
      const hint = stack ? '' : ' (set CLI_DEBUG=1 to see where)';
      process.stderr.write(`${name}: internal error: ${errorMessage(error)}${hint}${stack}\n`);
      process.exitCode = 70;
    },
  );
}
