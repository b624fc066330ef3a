// Command-line options for every tool: node:util parseArgs, with its errors made short and clear.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError, errorMessage } from './fail.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export function parseCommandLine<const O extends OptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = errorMessage(error);
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option ${unknown[1] ?? ''}` : message);
  }
}

/** A number option such as `--min 0.9`, checked against its range. */
export function numberOption(name: string, value: string, min: number, max: number): number {
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}
