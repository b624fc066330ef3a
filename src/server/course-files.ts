// The built course under /course/, as both modes of the host serve it: confined to its folder
// (no traversal, encoded or not), a folder answers with its index.html, HEAD answers headers
// only, and every file carries a policy that lets only this origin frame it.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeOf } from '../node/content-types.ts';
import { COURSE_POLICY, policyFor } from './csp.ts';
import { COMMON_HEADERS, HttpError, send } from './http.ts';

/** The file under `root` that `path` (already decoded) names, or undefined when it would leave root. */
export function confinedPath(root: string, path: string): string | undefined {
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const file = resolve(root, `.${path.startsWith('/') ? path : `/${path}`}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

/** Answers a GET or HEAD of `pathname` (starting with /course/) from the course in `root`. */
export async function serveCourseFile(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice('/course'.length));
  } catch {
    throw new HttpError(400, 'malformed path');
  }
  let file = confinedPath(root, decoded);
  if (!file) throw new HttpError(403, 'outside the course');
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = resolve(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) throw new HttpError(404, 'not found');
  const type = contentTypeOf(file);
  // no-cache, not no-store: a browser keeps the files and asks again, so a rebuild shows at once.
  if (extname(file) === '.html') {
    // Pages are small: read whole, so their inline blocks can be allowed by hash.
    const page = await readFile(file, 'utf8');
    send(res, 200, page, type, { 'cache-control': 'no-cache', 'content-security-policy': policyFor(page, COURSE_POLICY) });
    return;
  }
  res.writeHead(200, { ...COMMON_HEADERS, 'cache-control': 'no-cache', 'content-type': type, 'content-length': String(info.size), 'content-security-policy': policyFor('', COURSE_POLICY) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}
