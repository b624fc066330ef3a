// `npm run serve -- --port 8080 --data ./data`: the self-hosted course server for a team without
// an LMS (src/server/routes.ts, the host's team mode). Takes the data folder, opens the records
// (DATA/records.db), makes sure there is a manager passcode, builds the course and serves
// learners and managers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSecureContext } from 'node:tls';
import { readCourseInfo } from '../build/course-info.ts';
import { parseCommandLine } from '../node/args.ts';
import { CliError, errorMessage, runCli, UsageError } from '../node/fail.ts';
import { DataFolderLockedError, lockDataFolder, makePrivateFolder } from '../server/data-folder.ts';
import { portOption, runHostCommand } from '../server/host-command.ts';
import type { TlsFiles } from '../server/http.ts';
import { parseAllowedDomains } from '../server/identity.ts';
import { loadCourseForReport } from '../server/manager-report.ts';
import { ensurePasscode, PasscodeError, passcodeNotice } from '../server/passcode.ts';
import { openRecordsDb, recordsFileIn, RecordsDbError, type RecordsDb } from '../server/records-db.ts';
import { isLoopbackHost } from '../server/host.ts';
import { bundleLearnerScript, startCourseServer, type CourseServerOptions } from '../server/routes.ts';

const DEFAULT_SERVE_PORT = 8080;

/** Takes the data folder (creating it 0700), or stops with a message when another server has it. */
function lockOrExplain(dataDir: string): () => void {
  try {
    makePrivateFolder(dataDir);
    return lockDataFolder(dataDir);
  } catch (error) {
    if (error instanceof DataFolderLockedError) throw new CliError(error.message);
    throw new CliError(`cannot use the data folder ${dataDir}: ${errorMessage(error)}`);
  }
}

/** Opens the records or stops with a message naming the file (never a stack trace). */
function openRecordsOrExplain(dataDir: string): RecordsDb {
  try {
    return openRecordsDb(recordsFileIn(dataDir));
  } catch (error) {
    if (error instanceof RecordsDbError) throw new CliError(`cannot use the records: ${error.message}`);
    throw new CliError(`cannot open the records in ${recordsFileIn(dataDir)}: ${errorMessage(error)}`);
  }
}

const HELP = `Usage: npm run serve -- [options]
       node --import tsx src/cli/serve.ts [options]

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
  const port = portOption(values.port, DEFAULT_SERVE_PORT, 0);
  const host = values.host?.trim() || '127.0.0.1';
  const dataDir = resolve(values.data ?? 'data');
  const security = securityOptions(values);

  // The folder first: a second server on it stops here, before touching anything.
  const unlock = lockOrExplain(dataDir);
  // The records next: a bad file stops the start before the (slower) build.
  let db: RecordsDb;
  try {
    db = openRecordsOrExplain(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const release = () => {
    db.close();
    unlock();
  };
  let setup;
  try {
    setup = await ensurePasscode(db, process.env);
  } catch (error) {
    release();
    if (error instanceof PasscodeError) throw new CliError(error.message);
    throw error;
  }
  const records = db;
  await runHostCommand({
    build: !values['no-build'],
    port,
    host,
    release,
    start: async (courseDir) => {
      let reportCourse;
      try {
        reportCourse = loadCourseForReport();
      } catch (error) {
        throw new CliError(errorMessage(error));
      }
      const hostScript = await bundleLearnerScript();
      return startCourseServer({ db: records, courseDir, hostScript, reportCourse, host, port, ...security, ...readCourseInfo() });
    },
    announce: (server) => {
      const scheme = security.tls ? 'https' : 'http';
      const shared = host === '0.0.0.0' || host === '::' ? ` (on the network: ${scheme}://<this machine's name or address>:${server.port}/)` : '';
      const clearText = !security.tls && !security.trustProxy && !isLoopbackHost(host) ? `Warning: plain HTTP on the network: the passcode, cookies and learners' work travel in clear text (see --help for HTTPS).\n` : '';
      return `Course server: ${server.url}${shared}\n  learners: ${server.url}   managers: ${server.url}manager\n  records: ${records.file}\n${passcodeNotice(setup)}\n${clearText}Ctrl+C stops it.\n`;
    },
  });
  return 0;
}

runCli('serve', main);
