import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env, type Env } from '@/lib/env';

export const MISSING_SECRET_MESSAGE =
  '缺少 AUTH_SECRET：生产环境必须设置 AUTH_SECRET 环境变量（至少32个字符，可用 openssl rand -base64 32 生成），否则无法签发登录会话。';

/**
 * The key that signs sessions. Production must set AUTH_SECRET; development generates one once and
 * keeps it in the data folder, so sessions survive restarts without any setup.
 */
export function authSecret(e: Env = env()): string {
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === 'production') throw new Error(MISSING_SECRET_MESSAGE);
  const file = path.join(e.dataDir, 'auth-secret');
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(e.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs, so both sign with the same key.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const written = readSecret(file);
  if (!written) throw new Error(`无法读取开发用的登录密钥文件：${file}`);
  return written;
}

function readSecret(file: string): string | null {
  try {
    const value = fs.readFileSync(file, 'utf8').trim();
    return value.length >= 32 ? value : null;
  } catch {
    return null;
  }
}
