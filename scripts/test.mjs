// `npm test`: type check, Node-side tests, browser tests in headless Chromium, then one plain
// summary line (`N passed, N failed`) that CI can read.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chrome)) {
  console.error(
    `\nThe browser tests need Chromium, and none was found at ${chrome}.\n` +
      'Install it with:  sudo apt-get install -y chromium\n' +
      '(or set CHROME_PATH to a Chromium or Chrome binary), then run npm test again.\n',
  );
  process.exit(1);
}

/** Runs a command, echoing its output, and resolves with its exit code and output. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

function testFiles(dir, acc = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) testFiles(path, acc);
    else if (name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts')) acc.push(path);
  }
  return acc.sort();
}

// `--only=node` or `--only=browser` runs one part (the type check always runs).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const skipped = { code: 0, out: '' };

let passed = 0;
let failed = 0;

console.log('\n# Type check (tsc --noEmit)');
const tsc = await run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']);
if (tsc.code !== 0) console.error('Type check failed.');

console.log('\n# Node tests');
const node = only === 'browser' ? skipped : await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('test')]);
const num = (label) => Number(/ℹ (?:pass|fail) (\d+)/.test(node.out) ? (new RegExp(`ℹ ${label} (\\d+)`).exec(node.out)?.[1] ?? 0) : 0);
passed += num('pass');
failed += num('fail');
if (node.code !== 0 && num('fail') === 0) failed += 1; // crashed before reporting

console.log('\n# Browser tests (headless Chromium)');
rmSync('.wtr-results.json', { force: true });
const wtr = only === 'node' ? skipped : await run(process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js']);
if (existsSync('.wtr-results.json')) {
  const counts = JSON.parse(readFileSync('.wtr-results.json', 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
  rmSync('.wtr-results.json', { force: true });
}
if (wtr.code !== 0 && failed === 0) failed += 1;

const ok = tsc.code === 0 && node.code === 0 && wtr.code === 0 && failed === 0;
console.log(`\nType check: ${tsc.code === 0 ? 'passed' : 'FAILED'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
