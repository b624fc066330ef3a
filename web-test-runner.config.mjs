// Browser tests run in Debian's Chromium (no browser downloads on these machines).
import { writeFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';

// Run under tsx (scripts/test.mjs does), so the config can share TypeScript modules.
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from './src/node/chromium-launch.ts';

const missing = chromiumMissing();
if (missing) {
  console.error(`\nThe browser tests need Chromium: ${missing}\n`);
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
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), nodeAnalyzerCommand()],
  reporters: [defaultReporter(), countingReporter()],
};
