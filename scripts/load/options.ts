// Command-line values shared by the load test and the benchmarks, checked the same way: a value out
// of range stops the run before anything starts, with a message that says what is allowed.

/** The whole number given as --name, between min and max. */
export function intOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} 应为 ${min} 到 ${max} 的整数`);
  return n;
}

/** The database a run uses, as given by --db. */
export function databaseOption(value: string): 'pglite' | 'postgres' {
  if (value === 'pglite' || value === 'postgres') return value;
  throw new Error('--db 只能是 pglite 或 postgres');
}
