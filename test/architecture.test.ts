/** The house's one-way arrows (shared/STYLE.md), held by parsing imports in src/. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

function sources(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, acc);
    else if (name.endsWith('.ts')) acc.push(path);
  }
  return acc;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
}

describe('architecture', () => {
  const analyzer = sources('src/analyzer');

  it('keeps the analyzer free of the DOM, frameworks and the rest of src/', () => {
    assert.ok(analyzer.length > 5);
    for (const file of analyzer) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = relative('src/analyzer', join(file, '..', spec));
          assert.ok(!target.startsWith('..'), `${file} imports ${spec}, outside the analyzer`);
        } else {
          assert.ok(['chrono-node/en'].includes(spec), `${file} imports the package ${spec}`);
        }
      }
      const code = readFileSync(file, 'utf8').replace(/\/\*[^]*?\*\/|\/\/.*$/gm, '');
      assert.doesNotMatch(code, /\b(?:document|window|localStorage|fetch|XMLHttpRequest|navigator)\b\s*[.(]/, `${file} touches a browser API`);
      assert.doesNotMatch(code, /Intl\.Segmenter|toLocale(?:Lower|Upper)Case|localeCompare/, `${file} uses engine-dependent text handling`);
    }
  });

  it('exports exactly the public surface from the analyzer entry', async () => {
    const entry = await import('../src/analyzer/index.ts');
    assert.deepEqual(Object.keys(entry).sort(), ['AUDIENCES', 'CHECK_IDS', 'EMAIL_KINDS', 'analyzeEmail', 'featureValue', 'isAskSentence', 'isCheckId', 'measureEmail', 'overallScore', 'passesExercise', 'politenessScore']);
  });

  it('lets the rest of src/ reach the analyzer only through its entry point or its contract types', () => {
    for (const file of sources('src').filter((f) => !f.startsWith('src/analyzer'))) {
      for (const spec of importsOf(file)) {
        if (spec.includes('analyzer/')) assert.match(spec, /analyzer\/(?:index|types)\.ts$/, `${file} imports ${spec}`);
      }
    }
  });

  it('keeps the arrows one way: analyzer ← content ← flows ← components, and only main.ts meets lms', () => {
    const layer = (file: string) => /^src\/(analyzer|content|flows|components|lms|cli)\//.exec(file)?.[1] ?? 'root';
    const allowed: Record<string, string[]> = {
      content: ['analyzer', 'content'],
      flows: ['analyzer', 'content', 'flows'],
      components: ['analyzer', 'content', 'flows', 'components'],
      lms: ['analyzer', 'content', 'lms'],
    };
    for (const file of sources('src')) {
      const from = layer(file);
      const permitted = allowed[from];
      if (!permitted) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*import\s+(type\s+)?[^;]*?from\s+['"](\.[^'"]+)['"]/gm)) {
        const target = layer(relative('.', join(file, '..', m[2] ?? '')));
        const typeOnly = m[1] !== undefined;
        // lms may name the results' type it reports, never run flow code.
        if (from === 'lms' && target === 'flows' && typeOnly) continue;
        assert.ok(permitted.includes(target), `${file} (${from}) imports ${m[2]} (${target})`);
      }
    }
  });

  it('keeps src/cli to entry points, with the node-side building blocks below every tool and server', () => {
    const inside = (path: string, dir: string) => !relative(dir, path).startsWith('..');
    const targets = (file: string) => importsOf(file).filter((spec) => spec.startsWith('.')).map((spec) => relative('.', join(file, '..', spec)));
    const importers = [...sources('src'), ...sources('scorm'), ...sources('scripts'), 'vite.config.ts', 'web-test-runner.config.mjs'];
    for (const file of importers.filter((f) => !inside(f, 'src/cli'))) {
      for (const target of targets(file)) assert.ok(!inside(target, 'src/cli'), `${file} imports the entry point ${target}`);
    }
    const blocks = ['src/build', 'src/node', 'src/evaluation'].flatMap((dir) => sources(dir));
    assert.ok(blocks.length > 20);
    for (const file of blocks) {
      for (const target of targets(file)) {
        for (const above of ['src/cli', 'src/server', 'scorm']) assert.ok(!inside(target, above), `${file} imports ${target}, above it`);
      }
    }
  });
});
