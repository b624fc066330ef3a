// The manager passcode that guards the reports. Chosen by MANAGER_PASSCODE, or generated at the
// first start and shown once; either way only its scrypt hash (random salt) is kept, in the
// records database's settings. Wrong tries are slowed down per client by PasscodeLimiter.
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import type { RecordsDb } from './records-db.ts';

export const PASSCODE_SETTING = 'manager_passcode';
export const PASSCODE_ENV = 'MANAGER_PASSCODE';
export const MIN_PASSCODE_LENGTH = 8;
/** Longer tries are wrong without being hashed: no one types 1,024 characters. */
export const MAX_PASSCODE_LENGTH = 1024;

/** 32 characters without look-alikes (no 0/O, 1/I): a random byte's low 5 bits pick one without bias. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** scrypt's cost: 32 MiB and about 0.1 s per hash here; stored with each hash so it can change. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** MANAGER_PASSCODE can't be used; the message says why and what to do. */
export class PasscodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PasscodeError';
  }
}

/**
 * What ensurePasscode did. Only 'generated' carries the passcode: print it once, at this start;
 * it can't be shown again.
 */
export type PasscodeSetup = { source: 'environment' } | { source: 'stored' } | { source: 'generated'; passcode: string };

/** How a passcode is compared: generated ones forgive case, spaces and dashes; chosen ones are exact. */
type PasscodeForm = 'generated' | 'chosen';

interface StoredPasscode {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
  form: PasscodeForm;
}

/** A new passcode like `K7QM-WX3D-HNPE-R8TA`: 80 random bits. */
export function generatePasscode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b & 31] ?? '');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

function normalize(attempt: string, form: PasscodeForm): string {
  const text = attempt.normalize('NFC');
  return form === 'generated' ? text.replace(/[\s-]/g, '').toUpperCase() : text;
}

function deriveKey(secret: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolveKey, reject) => {
    scrypt(secret, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolveKey(key)));
  });
}

async function hashPasscode(passcode: string, form: PasscodeForm): Promise<StoredPasscode> {
  const salt = randomBytes(16);
  const key = await deriveKey(normalize(passcode, form), salt, COST);
  return { algorithm: 'scrypt', ...COST, salt: salt.toString('base64'), hash: key.toString('base64'), form };
}

function readStored(db: RecordsDb): StoredPasscode | undefined {
  const text = db.setting(PASSCODE_SETTING);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<Record<keyof StoredPasscode, unknown>>;
  const power = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n > 1 && n <= max && (n & (n - 1)) === 0;
  const small = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 16;
  // Bounded costs: an edited row must not make every try allocate gigabytes.
  if (v.algorithm !== 'scrypt' || !power(v.N, 2 ** 20) || !small(v.r) || !small(v.p)) return undefined;
  if (typeof v.salt !== 'string' || typeof v.hash !== 'string' || (v.form !== 'generated' && v.form !== 'chosen')) return undefined;
  return { algorithm: 'scrypt', N: v.N, r: v.r, p: v.p, salt: v.salt, hash: v.hash, form: v.form };
}

async function matches(stored: StoredPasscode, attempt: string): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await deriveKey(normalize(attempt, stored.form), Buffer.from(stored.salt, 'base64'), stored);
  return timingSafeEqual(key, expected);
}

/**
 * Makes sure the records have a manager passcode, at the server's start. MANAGER_PASSCODE, when set,
 * becomes the passcode (its hash replaces any stored one); else a stored one stays; else one is
 * generated and returned for the caller to print, once. Throws PasscodeError for a short
 * MANAGER_PASSCODE.
 */
export async function ensurePasscode(db: RecordsDb, env: Readonly<Record<string, string | undefined>>): Promise<PasscodeSetup> {
  const chosen = env[PASSCODE_ENV];
  if (chosen !== undefined && chosen !== '') {
    const length = [...chosen].length;
    if (chosen.trim() === '') throw new PasscodeError(`${PASSCODE_ENV} is only spaces; set a passcode of at least ${MIN_PASSCODE_LENGTH} characters, or unset it.`);
    if (length < MIN_PASSCODE_LENGTH) {
      throw new PasscodeError(`${PASSCODE_ENV} is ${length} characters long; use at least ${MIN_PASSCODE_LENGTH} (or unset it, and a passcode is generated and shown once).`);
    }
    if (length > MAX_PASSCODE_LENGTH) throw new PasscodeError(`${PASSCODE_ENV} is over ${MAX_PASSCODE_LENGTH} characters; choose a shorter one.`);
    const stored = readStored(db);
    if (!(stored?.form === 'chosen' && (await matches(stored, chosen)))) {
      db.putSetting(PASSCODE_SETTING, JSON.stringify(await hashPasscode(chosen, 'chosen')));
    }
    return { source: 'environment' };
  }
  if (readStored(db)) return { source: 'stored' };
  const passcode = generatePasscode();
  // Another server starting on the same file may have stored its own meanwhile: then this one is
  // never valid, so it must not be shown.
  const stored = db.putSetting(PASSCODE_SETTING, JSON.stringify(await hashPasscode(passcode, 'generated')), { onlyIfAbsent: true });
  return stored ? { source: 'generated', passcode } : { source: 'stored' };
}

/** The lines to print at start for a setup: the passcode itself only when just generated. */
export function passcodeNotice(setup: PasscodeSetup): string {
  switch (setup.source) {
    case 'generated':
      return `Manager passcode for the reports: ${setup.passcode}\nIt is shown this once and stored only as a hash: write it down. To replace it, start the server with ${PASSCODE_ENV} set.`;
    case 'environment':
      return `Manager passcode: the one in ${PASSCODE_ENV}.`;
    case 'stored':
      return `Manager passcode: the one shown at the first start (set ${PASSCODE_ENV} to replace it).`;
  }
}

/** Whether `attempt` is the manager passcode. Anything but a string of sane length is wrong. */
export async function verifyPasscode(db: RecordsDb, attempt: unknown): Promise<boolean> {
  if (typeof attempt !== 'string' || attempt === '' || attempt.length > MAX_PASSCODE_LENGTH) return false;
  const stored = readStored(db);
  if (!stored) return false;
  return matches(stored, attempt);
}

// ---------------------------------------------------------------------------------------------

export interface LimiterOptions {
  /** The wait after the first try that wasn't a success; it doubles with each further one. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A client quiet this long after its last try starts again from the first delay. */
  forgetAfterMs?: number;
  /** Clients remembered at most; the longest quiet ones are dropped first. */
  maxClients?: number;
  now?: () => number;
}

export type LimiterAnswer = { allowed: true } | { allowed: false; retryAfterMs: number };

interface ClientState {
  tries: number;
  lastTry: number;
  nextAllowed: number;
}

/**
 * Slows down passcode guessing per client (an IP address, say). Every try counts as a failure
 * until `succeeded` says otherwise, so concurrent requests can't slip several guesses into one
 * window: the nth try in a row must wait base × 2^(n-1), at most maxDelay. Pure: time comes from `now`.
 */
export class PasscodeLimiter {
  private readonly clients = new Map<string, ClientState>();
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly forgetAfterMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(options: LimiterOptions = {}) {
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.forgetAfterMs = options.forgetAfterMs ?? 60 * 60_000;
    this.maxClients = options.maxClients ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Call before checking a client's passcode: allowed (and counted), or how long to wait. */
  attempt(client: string): LimiterAnswer {
    const now = this.now();
    const state = this.current(client, now);
    if (state && now < state.nextAllowed) return { allowed: false, retryAfterMs: state.nextAllowed - now };
    const tries = (state?.tries ?? 0) + 1;
    const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(tries - 1, 30));
    this.clients.delete(client); // re-inserted last: the map stays ordered from quietest to latest
    this.clients.set(client, { tries, lastTry: now, nextAllowed: now + delay });
    this.evict(now);
    return { allowed: true };
  }

  /** The passcode was right: forget the client's tries. */
  succeeded(client: string): void {
    this.clients.delete(client);
  }

  /** How long the client must wait before its next try; 0 when it may try now. */
  waitMs(client: string): number {
    const now = this.now();
    const state = this.current(client, now);
    return state ? Math.max(0, state.nextAllowed - now) : 0;
  }

  get size(): number {
    return this.clients.size;
  }

  private current(client: string, now: number): ClientState | undefined {
    const state = this.clients.get(client);
    if (state && now - state.lastTry >= this.forgetAfterMs) {
      this.clients.delete(client);
      return undefined;
    }
    return state;
  }

  private evict(now: number): void {
    for (const [client, state] of this.clients) {
      if (this.clients.size <= this.maxClients && now - state.lastTry < this.forgetAfterMs) break;
      this.clients.delete(client);
    }
  }
}
