import fs from 'node:fs';

// Lines of the server's output that report a failure: Next.js's ⨯ lines, stack traces, our own
// [admin action] errors, and error-level structured log lines.
const FAILURE = /⨯|\bError\b|\[admin action\]|Unhandled|ECONNRESET|"level":\s*(?:50|60)\b|"level":\s*"(?:error|fatal)"/;

export function logSummary(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => FAILURE.test(line))
    .map((line) => line.slice(0, 300));
}
