import path from 'node:path';
import { z } from 'zod';

// Read and checked once, at start-up: a wrong setting fails loudly with what to set, in Chinese.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须是 postgres:// 或 postgresql:// 开头的连接串')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CASEBOOK_DATA_DIR: z.string().trim().min(1).optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET 至少需要 32 个字符（可用 openssl rand -base64 32 生成）').optional(),
  CASEBOOK_DEMO: z.enum(['0', '1']).optional(),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join('\n')}`);
  }
  // The data folder is a run-time choice, not a build input: keep the bundler from tracing it.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.data.CASEBOOK_DATA_DIR ?? path.join(process.cwd(), '.data'));
  cached = { ...parsed.data, dataDir };
  return cached;
}

/** Demo content and demo accounts: on by default in development; in production only when asked for
 *  explicitly with CASEBOOK_DEMO=1 (the end-to-end tests do, against a throwaway data folder). */
export function demoEnabled(e: Env = env()): boolean {
  if (e.NODE_ENV === 'production') return e.CASEBOOK_DEMO === '1';
  return e.CASEBOOK_DEMO !== '0';
}
