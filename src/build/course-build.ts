// Builds the course with Vite into a folder and serves a folder over loopback HTTP, for the
// benchmark and the end-to-end test (both run the built course as a learner's browser would).
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentTypeOf } from '../node/content-types.ts';

export async function buildCourse(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'error', build: { outDir: resolve(outDir), emptyOutDir: true } });
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (a free port); paths outside it are refused. */
export function serveStatic(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeOf(file) });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

export interface AssetSize {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The scripts and stylesheets index.html loads before anything renders, plus the built chunks
 * whose names start with one of `chunkPrefixes` (e.g. the first lesson), with gzip -9 sizes.
 */
export function initialAssets(dir: string, chunkPrefixes: readonly string[] = []): AssetSize[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  const chunks = readdirSync(join(dir, 'assets'))
    .filter((name) => chunkPrefixes.some((prefix) => name.startsWith(`${prefix}-`) && name.endsWith('.js')))
    .map((name) => `./assets/${name}`);
  return [...new Set([...refs, ...chunks])].map((ref) => {
    const data = readFileSync(join(dir, ref.replace(/^\.?\//, '')));
    return { path: ref, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  });
}
