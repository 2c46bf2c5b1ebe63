import { describe, expect, it } from 'vitest';
import { apiCorrection, correctionLine } from '@/lib/public/api';

// Readers see a correction as publishers print one: the date it was made, in China time, then 更正：.

describe('a 更正说明 as readers see it', () => {
  const late = { note: '将“截至年年底”更正为“截至2021年年底”。', correctedAt: '2026-11-30T17:30:00.000Z' };

  it('is dated by the day in China, whatever the server’s time zone', () => {
    expect(correctionLine(late)).toBe('2026年12月1日更正：将“截至年年底”更正为“截至2021年年底”。');
  });

  it('comes in the JSON API with its date, time, note and the line the page shows', () => {
    expect(apiCorrection(late)).toEqual({
      date: '2026-12-01',
      correctedAt: '2026-11-30T17:30:00.000Z',
      note: '将“截至年年底”更正为“截至2021年年底”。',
      text: '2026年12月1日更正：将“截至年年底”更正为“截至2021年年底”。',
    });
  });
});
