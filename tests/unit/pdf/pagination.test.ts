import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesForThisPage } from '@/lib/pdf/typesetter';

// Where the PDF editions break a paragraph across pages, as the print stylesheet asks
// (orphans: 2; widows: 2): never one line alone at the foot of a page or at the top of the next.

describe('page breaks inside a paragraph', () => {
  it('keeps a paragraph that fits whole on the page', () => {
    expect(linesForThisPage(5, 5, false)).toBe(5);
    expect(linesForThisPage(1, 1, false)).toBe(1);
  });

  it('moves a paragraph whose first line alone would fit to the next page', () => {
    expect(linesForThisPage(6, 1, false)).toBe(0);
  });

  it('leaves at least two lines for the next page', () => {
    expect(linesForThisPage(6, 5, false)).toBe(4);
    expect(linesForThisPage(3, 2, false)).toBe(0);
  });

  it('always sets something at the top of a page, so a page can never stay empty', () => {
    expect(linesForThisPage(50, 36, true)).toBe(36);
    expect(linesForThisPage(3, 1, true)).toBe(1);
  });

  it('never strands a single line at either side of a break, whatever the numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: -3, max: 60 }), (remaining, fit) => {
        const take = linesForThisPage(remaining, fit, false);
        expect(take).toBeGreaterThanOrEqual(0);
        expect(take).toBeLessThanOrEqual(Math.max(0, Math.min(remaining, fit)));
        if (take > 0 && take < remaining) {
          expect(take).toBeGreaterThanOrEqual(2);
          expect(remaining - take).toBeGreaterThanOrEqual(2);
        }
        if (remaining <= fit) expect(take).toBe(remaining);
      }),
    );
  });
});
