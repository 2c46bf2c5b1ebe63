import path from 'node:path';
import { z } from 'zod';

// Read and checked once, at start-up: a wrong setting fails loudly with what to set, in Chinese.

/** An absolute http(s) address with no credentials, query or fragment; empty means unset. */
function isSiteUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !url.search && !url.hash;
}

const siteUrl = z
  .string()
  .trim()
  .refine((value) => value === '' || isSiteUrl(value), '必须是以 http:// 或 https:// 开头的完整网址，例如 https://cases.example.gov.cn')
  .transform((value) => (value === '' ? undefined : value.replace(/\/+$/u, '')))
  .optional();

/** smtp://user:pass@host:587 or smtps://…; the credentials stay in the address, so no message repeats it. */
function isSmtpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '' && !url.hash;
}

const smtpUrl = z
  .string()
  .trim()
  .refine(
    (value) => value === '' || isSmtpUrl(value),
    'CASEBOOK_SMTP_URL 必须是 smtp:// 或 smtps:// 开头的邮件服务器地址，例如 smtps://用户名:密码@smtp.example.gov.cn:465；' +
      '用户名或密码中的 @ : / 要写成 %40 %3A %2F',
  )
  .transform((value) => (value === '' ? undefined : value))
  .optional();

// An address, or a name and an address (案例期刊 <casebook@example.gov.cn>); one line, so no header can be smuggled in.
const MAIL_FROM = /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/u;

const mailFrom = z
  .string()
  .trim()
  .refine(
    (value) => value === '' || MAIL_FROM.test(value),
    'CASEBOOK_MAIL_FROM 必须是一个邮箱地址，或“名称 <邮箱地址>”，例如 案例期刊 <casebook@example.gov.cn>',
  )
  .transform((value) => (value === '' ? undefined : value))
  .optional();

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
  // How many reverse proxies in front of the app append to X-Forwarded-For (lib/auth/client-address.ts).
  CASEBOOK_TRUSTED_PROXIES: z
    .string()
    .trim()
    .regex(/^(?:\d|10)?$/u, 'CASEBOOK_TRUSTED_PROXIES 必须是应用前面反向代理的层数（0 到 10 的整数），例如只有一层 nginx 时设为 1')
    .transform((v) => (v === '' ? 0 : Number(v)))
    .default(0),
  CASEBOOK_SITE_URL: siteUrl,
  NEXTAUTH_URL: siteUrl,
  // Email for 待办 notifications (lib/notify): unset, none is sent; in-app notifications always are.
  CASEBOOK_SMTP_URL: smtpUrl,
  CASEBOOK_MAIL_FROM: mailFrom,
  // PDF editions after each publish (lib/services/pdf-editions.ts): on unless set to 0.
  CASEBOOK_PDF_EDITIONS: z.enum(['0', '1'], { error: 'CASEBOOK_PDF_EDITIONS 只能是 0（不生成 PDF 版）或 1（生成，默认）' }).optional(),
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

export const MISSING_SITE_URL_MESSAGE =
  '缺少 CASEBOOK_SITE_URL：生产环境必须设置网站的对外地址（例如 https://cases.example.gov.cn）。' +
  '登录 Cookie 是否带 Secure 标记、登录和退出后跳转到哪里都取决于它；不设置时会被当作 http://localhost:3000。';

/**
 * The address this app is served at, as next-auth sees it: NEXTAUTH_URL when set (the admin may
 * live on another host than the public site), else CASEBOOK_SITE_URL. Production must set one.
 */
export function appUrl(e: Env = env()): string {
  const url = e.NEXTAUTH_URL ?? e.CASEBOOK_SITE_URL;
  if (url) return url;
  if (e.NODE_ENV === 'production') throw new Error(MISSING_SITE_URL_MESSAGE);
  return 'http://localhost:3000';
}
