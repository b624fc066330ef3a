// What `npm start` (src/cli/start.ts) and `npm run serve` (src/cli/serve.ts) do at start, one way
// for both: build the course unless --no-build (or serve the last build when it fails), start the
// host, say where it is, stop cleanly on Ctrl+C or a service manager's SIGTERM, and explain a
// start that fails (a port in use, an address this machine lacks) in the same words.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { numberOption } from '../node/args.ts';
import { CliError, errorMessage, UsageError } from '../node/fail.ts';

/** --port's value: a whole number from `lowest` (0 picks a free port) to 65535. */
export function portOption(value: string | undefined, fallback: number, lowest: number): number {
  if (value === undefined) return fallback;
  const port = numberOption('port', value, lowest, 65535);
  if (!Number.isInteger(port)) throw new UsageError(`--port must be a whole number, got "${value}"`);
  return port;
}

/** Builds the course into dist/web (unless told not to) and answers that folder, or stops with why. */
export async function prepareCourse(build: boolean): Promise<string> {
  const courseDir = resolve('dist/web');
  if (build) {
    process.stdout.write('Building the course…\n');
    try {
      const { buildCourse } = await import('../build/course-build.ts');
      await buildCourse(courseDir);
    } catch (error) {
      if (!existsSync(resolve(courseDir, 'index.html'))) throw new CliError(`the course did not build: ${errorMessage(error)}`);
      process.stderr.write(`The course did not build (${errorMessage(error)}); serving the previous build in dist/web.\n`);
    }
  }
  if (!existsSync(resolve(courseDir, 'index.html'))) throw new CliError('dist/web has no built course: run npm run build, or start without --no-build');
  return courseDir;
}

/** A start that failed, in words an admin can act on. */
function startFailure(error: unknown, port: number, host: string): CliError {
  if (error instanceof CliError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') return new CliError(`port ${port} is in use: try --port ${port + 1}`);
  if (code === 'EADDRNOTAVAIL') return new CliError(`this machine has no address ${host}`);
  return new CliError(`could not start the server: ${errorMessage(error)}`);
}

export interface HostCommand<S extends { url: string; close(): Promise<void> }> {
  /** False with --no-build: serve dist/web as it is. */
  build: boolean;
  port: number;
  /** The address to listen on (for the messages; 127.0.0.1 unless told). */
  host?: string;
  /** Starts the host on the built course. */
  start(courseDir: string): Promise<S>;
  /** What to print once it listens. */
  announce(server: S): string;
  /** Lets go of what the command holds (records, the data folder) once the host has closed, or the start failed. */
  release?(): void;
}

/** Builds, starts and announces the host; it then runs until SIGINT or SIGTERM. */
export async function runHostCommand<S extends { url: string; close(): Promise<void> }>(command: HostCommand<S>): Promise<S> {
  let server: S;
  try {
    const courseDir = await prepareCourse(command.build);
    try {
      server = await command.start(courseDir);
    } catch (error) {
      throw startFailure(error, command.port, command.host ?? '127.0.0.1');
    }
  } catch (error) {
    command.release?.();
    throw error;
  }
  process.stdout.write(command.announce(server));
  const running = server;
  const stop = () => {
    void running.close().then(() => {
      command.release?.();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
