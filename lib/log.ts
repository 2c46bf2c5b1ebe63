import 'server-only';
import pino, { type DestinationStream, type Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

// Structured logs: one JSON object per line on stdout, for whatever collects the container's output.
// Log events, ids and numbers; never what people typed. Fields that could carry a password, a token,
// a cookie or draft text are replaced at any depth before a line is written, so a careless call
// cannot leak them.

export type { Logger };
export { REQUEST_ID_HEADER, requestIdFrom };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const REDACTED = '[redacted]';

/** Field names (compared in lower case) whose values never reach a log line. */
const SECRET_FIELDS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'cookies',
  'set-cookie',
  'email',
  'content',
  'body',
  'text',
  'lead',
  'foreword',
  'sections',
  'draft',
]);
// Any field whose name contains one of these: passwordHash, newPassword, sessionToken, AUTH_SECRET…
const SECRET_PARTS = ['password', 'token', 'secret', 'credential'];

function isSecretField(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_FIELDS.has(lower) || SECRET_PARTS.some((part) => lower.includes(part));
}

const MAX_DEPTH = 8;

/** A copy of `value` with every secret field replaced; Errors are left to pino's serializer. */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Error || value instanceof Date) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = isSecretField(key) ? REDACTED : redact(item, depth + 1, seen);
  return out;
}

/** CASEBOOK_LOG_LEVEL, or info; silent under the test runner unless a level is asked for. */
export function logLevelFrom(environment: Record<string, string | undefined>): { level: LogLevel; ignored?: string } {
  const asked = environment.CASEBOOK_LOG_LEVEL?.trim().toLowerCase();
  if (!asked) return { level: environment.VITEST ? 'silent' : 'info' };
  return (LOG_LEVELS as readonly string[]).includes(asked) ? { level: asked as LogLevel } : { level: 'info', ignored: asked };
}

/** A logger writing to `destination` (stdout by default, synchronously so no line is lost at exit). */
export function createLogger(destination?: DestinationStream, level: LogLevel = logLevelFrom(process.env).level): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export const logger: Logger = createLogger();

const configured = logLevelFrom(process.env);
if (configured.ignored) logger.warn({ event: 'log.level_ignored', asked: configured.ignored }, `CASEBOOK_LOG_LEVEL 无效，已使用 info；可选 ${LOG_LEVELS.join('、')}`);

/** A logger that adds `fields` to every line (e.g. { requestId }). */
export function childLogger(fields: Record<string, unknown>, parent: Logger = logger): Logger {
  // pino writes a child's fields as given (formatters.log only sees each line's own object).
  return parent.child(redact(fields) as Record<string, unknown>);
}

/**
 * The logger for the current request, carrying its id (set by proxy.ts), or the process logger
 * outside a request (the scheduler, command-line tools, tests).
 */
export async function requestLogger(parent: Logger = logger): Promise<Logger> {
  try {
    const { headers } = await import('next/headers');
    const requestId = requestIdFrom(await headers());
    return requestId ? parent.child({ requestId }) : parent;
  } catch {
    return parent;
  }
}
