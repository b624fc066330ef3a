// `npm start`: the course inside the local preview LMS (scorm/preview/routes.ts, the host's
// preview mode) on 127.0.0.1, as SCORM 1.2 or 2004, or as cmi5 with --cmi5.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { bundleCmi5HostScript, bundleHostScript, DEFAULT_PORT, startPreviewServer } from '../../scorm/preview/routes.ts';
import { readCourseId, readCourseInfo } from '../build/course-info.ts';
import { parseCommandLine } from '../node/args.ts';
import { runCli } from '../node/fail.ts';
import { portOption, runHostCommand } from '../server/host-command.ts';

/** Opens the URL in the desktop's browser when there is one; anything going wrong is ignored. */
function openBrowser(url: string): void {
  const platform = process.platform;
  if (platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return;
  const [cmd, args] = platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the URL is printed anyway.
  }
}

const HELP = `Usage: npm start [-- options]
       node --import tsx src/cli/start.ts [options]

Builds the course and serves it inside a local preview LMS (scorm-again as SCORM 1.2 or 2004).

Options:
  --port N     port on 127.0.0.1 (default ${DEFAULT_PORT})
  --data DIR   where learner records are kept (default .preview-lms/)
  --open       open the page in a browser, when this machine has a display
  --no-build   serve dist/web as it is, without building the course first
  --cmi5       be a cmi5 LMS and LRS instead (launches the course as a cmi5 AU, lists its statements)
  --strict     behave like a strict LMS (Moodle's player): see README, "Strict preview"
  -h, --help   show this help
`;

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    port: { type: 'string' },
    data: { type: 'string' },
    open: { type: 'boolean' },
    'no-build': { type: 'boolean' },
    cmi5: { type: 'boolean' },
    strict: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = portOption(values.port, DEFAULT_PORT, 1);
  const server = await runHostCommand({
    build: !values['no-build'],
    port,
    start: async (courseDir) => {
      const hostScript = await (values.cmi5 ? bundleCmi5HostScript() : bundleHostScript());
      const cmi5 = values.cmi5 ? { cmi5: { courseId: readCourseId() } } : {};
      return startPreviewServer({ courseDir, dataDir: resolve(values.data ?? '.preview-lms'), hostScript, port, strict: values.strict, ...readCourseInfo(), ...cmi5 });
    },
    announce: (preview) => {
      const kept = values.cmi5 ? 'cmi5: statements and state kept in memory' : `learner records in ${values.data ?? '.preview-lms/'}`;
      return `Preview LMS: ${preview.url}  (${kept}; Ctrl+C stops it)\n`;
    },
  });
  if (values.open) openBrowser(server.url);
  return 0;
}

runCli('preview', main);
