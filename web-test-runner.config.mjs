// Browser tests run in Debian's Chromium (no browser downloads on these machines).
import { existsSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `\nNo Chromium found at ${executablePath}.\n` +
      'Install it with:  sudo apt-get install -y chromium\n' +
      '(or point CHROME_PATH at a Chromium or Chrome binary)\n',
  );
  process.exit(1);
}

/** Runs the analyzer in Node for the browser parity test (same cases, both engines). */
function nodeAnalyzerCommand() {
  return {
    name: 'node-analyzer',
    async executeCommand({ command, payload }) {
      if (command !== 'analyze-in-node') return undefined;
      const { analyzeEmail } = await import('./src/analyzer/index.ts');
      return payload.map((input) => analyzeEmail(input));
    },
  };
}

/** Writes the pass/fail counts for scripts/test.mjs, which prints the plain summary line. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) continue;
          if (t.passed) passed += 1;
          else failed += 1;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that fails to load has no test results: count it as a failure.
        if (!session.passed && (!session.testResults || session.testResults.tests.length + session.testResults.suites.length === 0)) failed += 1;
      }
      writeFileSync('.wtr-results.json', JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  files: ['test/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), nodeAnalyzerCommand()],
  reporters: [defaultReporter(), countingReporter()],
};
