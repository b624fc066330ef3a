// `npm run serve -- --port 8080 --data ./data`: the self-hosted course server for a team without
// an LMS. Builds the course once, opens the records (DATA/records.db), makes sure there is a
// manager passcode, and serves learners and managers (see routes.ts for the pages).
import { existsSync, readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readCourseInfo } from '../../scorm/preview/server.ts';
import { numberOption, parseCommandLine } from '../node/args.ts';
import { CliError, errorMessage, runCli, UsageError } from '../node/fail.ts';
import { DataFolderLockedError, lockDataFolder, makePrivateFolder } from './data-folder.ts';
import { loadCourseForReport } from './manager-report.ts';
import { ensurePasscode, PasscodeError, passcodeNotice } from './passcode.ts';
import { openRecordsDb, recordsFileIn, RecordsDbError, type RecordsDb } from './records-db.ts';
import { isLoopbackHost, startCourseServer, type CourseServer, type CourseServerOptions } from './routes.ts';
import { bundleBrowserScript, type TlsFiles } from './http.ts';
import { parseAllowedDomains } from './identity.ts';

export const DEFAULT_SERVE_PORT = 8080;

/** The course page's script: learner-host.ts and scorm-again, bundled in memory. */
export function bundleLearnerScript(): Promise<string> {
  return bundleBrowserScript(fileURLToPath(new URL('./learner-host.ts', import.meta.url)));
}

/** Takes the data folder (creating it 0700), or stops with a message when another server has it. */
export function lockOrExplain(dataDir: string): () => void {
  try {
    makePrivateFolder(dataDir);
    return lockDataFolder(dataDir);
  } catch (error) {
    if (error instanceof DataFolderLockedError) throw new CliError(error.message);
    throw new CliError(`cannot use the data folder ${dataDir}: ${errorMessage(error)}`);
  }
}

/** Opens the records or stops with a message naming the file (never a stack trace). */
export function openRecordsOrExplain(dataDir: string): RecordsDb {
  try {
    return openRecordsDb(recordsFileIn(dataDir));
  } catch (error) {
    if (error instanceof RecordsDbError) throw new CliError(`cannot use the records: ${error.message}`);
    throw new CliError(`cannot open the records in ${recordsFileIn(dataDir)}: ${errorMessage(error)}`);
  }
}

const HELP = `Usage: npm run serve -- [options]
       node --import tsx src/server/serve.ts [options]

Serves the course to a team, with learners' records in DATA/records.db and a manager report.

Options:
  --port N       port (default ${DEFAULT_SERVE_PORT}; 0 picks a free one)
  --host ADDR    address to listen on (default 127.0.0.1, this machine only;
                 0.0.0.0 serves the company network)
  --data DIR     where the records are kept (default ./data)
  --no-build     serve dist/web as it is, without building the course first
  --invite-only  no sign-up: learners come in only by the personal links managers hand out
  --allowed-domains a.com,b.org
                 sign-up only for work emails at these domains
  --tls-cert FILE, --tls-key FILE
                 serve HTTPS with this certificate (PEM) and its private key
  --trust-proxy  behind a reverse proxy (Caddy, nginx) on this machine: take the client's
                 address and scheme from its X-Forwarded-For and X-Forwarded-Proto
  -h, --help     show this help

Plain HTTP on a network sends the manager passcode, session cookies and learners' work in
clear text: use --tls-cert/--tls-key, or a reverse proxy with HTTPS and --trust-proxy.

Environment: MANAGER_PASSCODE sets the manager passcode (at least 8 characters); without it
one is generated at the first start and printed once.
`;

/** The sign-up policy, TLS and proxy settings from the command line; a bad one stops with a message. */
function securityOptions(values: { 'invite-only'?: boolean; 'allowed-domains'?: string; 'tls-cert'?: string; 'tls-key'?: string; 'trust-proxy'?: boolean }): Pick<CourseServerOptions, 'signIn' | 'tls' | 'trustProxy'> {
  let allowedDomains: string[];
  try {
    allowedDomains = parseAllowedDomains(values['allowed-domains']);
  } catch {
    throw new UsageError(`--allowed-domains must list domains separated by commas, like example.com,example.org; got "${values['allowed-domains'] ?? ''}"`);
  }
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) throw new UsageError('--tls-cert and --tls-key go together: give both files, or neither');
  let tls: TlsFiles | undefined;
  if (certFile !== undefined && keyFile !== undefined) {
    try {
      tls = { cert: readFileSync(certFile), key: readFileSync(keyFile) };
    } catch (error) {
      throw new CliError(`cannot read the TLS certificate or key: ${errorMessage(error)}`);
    }
    try {
      createSecureContext(tls);
    } catch (error) {
      throw new CliError(`the TLS certificate or key can't be used (${errorMessage(error)}): give the PEM certificate (chain) in --tls-cert and its private key in --tls-key`);
    }
  }
  return { signIn: { inviteOnly: values['invite-only'] ?? false, allowedDomains }, tls, trustProxy: values['trust-proxy'] ?? false };
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'no-build': { type: 'boolean' },
    'invite-only': { type: 'boolean' },
    'allowed-domains': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'trust-proxy': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_SERVE_PORT : numberOption('port', values.port, 0, 65535);
  if (!Number.isInteger(port)) throw new UsageError(`--port must be a whole number, got "${values.port ?? ''}"`);
  const host = values.host?.trim() || '127.0.0.1';
  const dataDir = resolve(values.data ?? 'data');
  const security = securityOptions(values);

  // The folder first: a second server on it stops here, before touching anything.
  const release = lockOrExplain(dataDir);
  // The records next: a bad file stops the start before the (slower) build.
  let db: RecordsDb;
  try {
    db = openRecordsOrExplain(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  let server: CourseServer | undefined;
  try {
    let setup;
    try {
      setup = await ensurePasscode(db, process.env);
    } catch (error) {
      if (error instanceof PasscodeError) throw new CliError(error.message);
      throw error;
    }

    const courseDir = resolve('dist/web');
    if (!values['no-build']) {
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

    let reportCourse;
    try {
      reportCourse = loadCourseForReport();
    } catch (error) {
      throw new CliError(errorMessage(error));
    }
    const hostScript = await bundleLearnerScript();
    try {
      server = await startCourseServer({ db, courseDir, hostScript, reportCourse, host, port, ...security, ...readCourseInfo() });
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      throw new CliError(
        code === 'EADDRINUSE' ? `port ${port} is in use: try --port ${port + 1}` : code === 'EADDRNOTAVAIL' ? `this machine has no address ${host}` : `could not start the server: ${errorMessage(error)}`,
      );
    }
    const scheme = security.tls ? 'https' : 'http';
    const shared = host === '0.0.0.0' || host === '::' ? ` (on the network: ${scheme}://<this machine's name or address>:${server.port}/)` : '';
    const clearText = !security.tls && !security.trustProxy && !isLoopbackHost(host) ? `Warning: plain HTTP on the network: the passcode, cookies and learners' work travel in clear text (see --help for HTTPS).\n` : '';
    process.stdout.write(
      `Course server: ${server.url}${shared}\n  learners: ${server.url}   managers: ${server.url}manager\n  records: ${db.file}\n${passcodeNotice(setup)}\n${clearText}Ctrl+C stops it.\n`,
    );
  } catch (error) {
    db.close();
    release();
    throw error;
  }
  const running = server;
  const stop = () => {
    void running.close().then(() => {
      db.close();
      release();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runCli('serve', main);
