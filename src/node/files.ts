// Reading the text files the tools take (emails, JSONL, data sets), with one-line failures.
import { readFile } from 'node:fs/promises';
import { CliError } from './fail.ts';

/** The name shown for `-` in messages. */
export const STDIN_LABEL = 'standard input';

/**
 * UTF-8 bytes as text. Binary or non-UTF-8 content is refused, so the analyzer never scores
 * mojibake. A UTF-8 byte-order mark is dropped (TextDecoder's default).
 */
export function decodeText(bytes: Uint8Array, label: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CliError(`${label} is UTF-16 text; save it as UTF-8 and try again`);
  }
  if (bytes.includes(0)) {
    throw new CliError(`${label} looks like a binary file (it contains NUL bytes); expected UTF-8 text`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${label} is not valid UTF-8 text; save it as UTF-8 and try again`);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function describeReadError(path: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return `cannot read ${path}: no such file`;
    case 'EISDIR':
      return `cannot read ${path}: it is a directory, not a file`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read ${path}: permission denied`;
    default:
      return `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Reads a UTF-8 text file, or standard input for `-`. */
export async function readTextInput(path: string): Promise<string> {
  if (path === '-') return decodeText(await readStdin(), STDIN_LABEL);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(describeReadError(path, error));
  }
  return decodeText(bytes, path);
}
