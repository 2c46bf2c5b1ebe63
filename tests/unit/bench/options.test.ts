import { describe, expect, it } from 'vitest';
import { databaseOption, intOption } from '@/scripts/load/options';

// npm run load and npm run bench:static refuse a bad option before they start anything, saying what
// would have been accepted.

describe('the options of the load test and the benchmarks', () => {
  it('takes a whole number within its range, the ends included', () => {
    expect(intOption('seconds', '5', 5, 600)).toBe(5);
    expect(intOption('seconds', '600', 5, 600)).toBe(600);
  });

  it.each(['4', '601', '10.5', 'abc', ''])('refuses --seconds %j with the range it accepts', (value) => {
    expect(() => intOption('seconds', value, 5, 600)).toThrow('--seconds 应为 5 到 600 的整数');
  });

  it('knows the two databases and nothing else', () => {
    expect(databaseOption('pglite')).toBe('pglite');
    expect(databaseOption('postgres')).toBe('postgres');
    expect(() => databaseOption('mysql')).toThrow('--db 只能是 pglite 或 postgres');
  });
});
