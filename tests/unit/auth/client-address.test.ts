import { describe, expect, it } from 'vitest';
import { clientAddressOf, normalizeAddress } from '@/lib/auth/client-address';

// What reaches authorize() is the header as Next.js passes it on: the peer's address when the
// client sent none, otherwise the client's header with whatever the proxies appended.
const xff = (value: string | string[] | undefined) => ({ 'x-forwarded-for': value });

describe('the client address a sign-in attempt is counted against', () => {
  // [what happened, header, trusted proxies, expected]
  const CASES: [string, Record<string, string | string[] | undefined> | undefined, number, string | null][] = [
    ['no proxy, the client sent no header: the socket address Next.js filled in', xff('203.0.113.7'), 0, '203.0.113.7'],
    ['no proxy, IPv6 peer', xff('2001:DB8::1'), 0, '2001:db8::1'],
    ['no proxy, IPv4 peer on an IPv6 socket', xff('::ffff:203.0.113.7'), 0, '203.0.113.7'],
    ['no proxy, a client-written list: never its leftmost entry', xff('1.1.1.1, 203.0.113.7'), 0, '203.0.113.7'],
    ['no proxy, X-Real-IP is ignored', { 'x-real-ip': '1.1.1.1', 'x-forwarded-for': '203.0.113.7' }, 0, '203.0.113.7'],
    ['no headers at all', undefined, 0, null],
    ['X-Real-IP alone is not an address', { 'x-real-ip': '1.1.1.1' }, 0, null],
    ['one proxy, honest client', xff('203.0.113.7'), 1, '203.0.113.7'],
    ['one proxy, forged entries before the one the proxy appended', xff('1.1.1.1, 2.2.2.2, 203.0.113.7'), 1, '203.0.113.7'],
    ['two proxies: the entry the outer one appended', xff('1.1.1.1, 203.0.113.7, 10.0.0.2'), 2, '203.0.113.7'],
    ['two proxies, honest client', xff('203.0.113.7, 10.0.0.2'), 2, '203.0.113.7'],
    ['fewer entries than proxies: the furthest hop recorded', xff('10.0.0.2'), 2, '10.0.0.2'],
    ['repeated headers are one list, in order', xff(['1.1.1.1', '203.0.113.7, 10.0.0.2']), 2, '203.0.113.7'],
    ['an entry with a port', xff('203.0.113.7:51234'), 1, '203.0.113.7'],
    ['a bracketed IPv6 entry with a port', xff('[2001:db8::1]:443'), 1, '2001:db8::1'],
    ['a chosen entry that is not an address', xff('1.1.1.1, unknown'), 1, null],
    ['an obfuscated name', xff('_hidden'), 0, null],
    ['empty entries are skipped', xff(' , 203.0.113.7 ,'), 0, '203.0.113.7'],
    ['an empty header', xff(''), 0, null],
  ];
  for (const [name, headers, proxies, expected] of CASES) {
    it(name, () => expect(clientAddressOf(headers, proxies)).toBe(expected));
  }

  it('a forged entry never becomes the address when the proxies are declared', () => {
    for (let proxies = 1; proxies <= 3; proxies++) {
      const appended = Array.from({ length: proxies }, (_, i) => `10.0.0.${i + 1}`);
      const header = ['6.6.6.6', '7.7.7.7', ...appended].join(', ');
      expect(clientAddressOf(xff(header), proxies)).toBe(appended[0]);
    }
  });

  it('reads a long hostile header quickly', () => {
    const header = `${'1.1.1.1, '.repeat(2_000)}${'['.repeat(5_000)}:${'9'.repeat(5_000)}`;
    const started = performance.now();
    expect(clientAddressOf(xff(header), 1)).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('normalizes what it keeps, so one host is one counter', () => {
    expect(normalizeAddress(' 2001:DB8:0:0::1 ')).toBe('2001:db8:0:0::1');
    expect(normalizeAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('192.0.2.1:8080')).toBe('192.0.2.1');
    expect(normalizeAddress('999.0.0.1')).toBeNull();
  });
});
