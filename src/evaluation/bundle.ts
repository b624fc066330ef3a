// The analyzer as the browser gets it: bundled and minified by esbuild, measured raw and gzipped.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

export const ANALYZER_ENTRY = 'src/analyzer/index.ts';

const BROWSER_BUILD = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
} as const satisfies BuildOptions;

export interface BundleSize {
  minifiedBytes: number;
  gzipBytes: number;
  /** The inputs that take most room in the bundle, largest first. */
  largestInputs: { path: string; bytes: number }[];
}

function firstOutput(files: { contents: Uint8Array }[] | undefined): Uint8Array {
  const file = files?.[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.contents;
}

/** Bundles the analyzer's public entry as an ES module (what an app would import) and sizes it. */
export async function measureAnalyzerBundle(): Promise<BundleSize> {
  const result = await build({ ...BROWSER_BUILD, entryPoints: [ANALYZER_ENTRY], format: 'esm', metafile: true });
  const contents = firstOutput(result.outputFiles);
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path;
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  const largestInputs = [...byPackage]
    .map(([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 4);
  return { minifiedBytes: contents.length, gzipBytes: gzipSync(contents, { level: 9 }).length, largestInputs };
}

/**
 * A classic script that defines `globalThis.__emailBench(input, plan)`: the analyzer and the same
 * timing loop as in Node, for a page with no server and no network.
 */
export async function buildBrowserBenchScript(): Promise<string> {
  const entry = [
    `import { analyzeEmail } from './${ANALYZER_ENTRY}';`,
    `import { timeRuns } from './src/evaluation/timing.ts';`,
    'globalThis.__emailBench = (input, plan) => timeRuns(() => analyzeEmail(input), plan);',
  ].join('\n');
  const result = await build({
    ...BROWSER_BUILD,
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js', sourcefile: 'browser-bench.js' },
    format: 'iife',
  });
  return new TextDecoder().decode(firstOutput(result.outputFiles));
}
