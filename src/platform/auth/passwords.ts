import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/** Verifies; for an unknown user, pass `null` so the time spent is the same as for a wrong password. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummyHash ??= hashPassword('tandem-dummy-password-for-timing');
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'iloveyou',
  'admin123',
  'welcome1',
  'letmein123',
  '11111111',
  '00000000',
  'abc123456',
  'qwerty123',
  'woaini1314',
  'a123456789',
  '1qaz2wsx',
  'passw0rd',
  'changeme',
]);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Password rules (NIST 800-63B style): length, not a common password, not the email. Returns failed rule codes. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN) problems.push('min_length');
  if (password.length > PASSWORD_MAX) problems.push('max_length');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('common');
  if (/^(.)\1+$/.test(password)) problems.push('repeated');
  if (email && lower.includes(email.toLowerCase().split('@')[0]) && email.split('@')[0].length >= 4)
    problems.push('contains_email');
  return problems;
}
