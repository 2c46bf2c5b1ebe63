import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordHashGate } from './hash-gate';

// scrypt with OWASP's recommended minimum (N=2^17, r=8, p=1: 128 MiB per hash), from Node's own
// crypto, so no native add-on has to be built. Parameters are stored with each hash, so they can
// be raised later without invalidating existing passwords.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;

/** Every hash goes through the process's gate, so at most a few 128 MiB hashes run at once. */
function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions, refuseWhenFull = false): Promise<Buffer> {
  return passwordHashGate.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCallback(password.normalize('NFC'), salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
    { refuseWhenFull },
  );
}

const maxmem = (n: number, r: number) => 128 * n * r * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: maxmem(N, R) });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * With `refuseWhenBusy` (anonymous sign-in), a full gate throws ServerBusyError instead of waiting,
 * and nothing is hashed.
 */
export async function verifyPassword(password: string, stored: string, { refuseWhenBusy = false }: { refuseWhenBusy?: boolean } = {}): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: maxmem(Number(n), Number(r)) };
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, options, refuseWhenBusy);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash that never verifies, compared against when the email is unknown so that the time taken
 *  does not reveal whether an account exists. */
export const UNUSABLE_PASSWORD_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;

/** A readable random password for generated accounts. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
