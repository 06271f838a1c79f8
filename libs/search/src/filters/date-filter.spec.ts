import { describe, expect, it } from '@jest/globals';
import { parseUsDate } from '@answergate/common';
import { dayInWindow, publishedWindow, toIsoDay } from './date-filter';
import { createResultFilter, languageMatches } from './result-filter';

const NOW = new Date('2026-11-24T12:00:00Z');
const result = (date: string | null, lastUpdated: string | null = null) => ({
  url: 'https://a.com/x',
  date,
  lastUpdated,
});

describe('date filters', () => {
  it('reads the dates backends and documents give, by calendar day', () => {
    expect(toIsoDay('2023-11-20 08:30:00+0000')).toBe('2023-11-20');
    expect(toIsoDay('2024-05-01T23:30:00-05:00')).toBe('2024-05-01');
    expect(toIsoDay('May 1, 2024')).toBe('2024-05-01');
    expect(toIsoDay(new Date('2024-02-29T10:00:00Z'))).toBe('2024-02-29');
    expect(toIsoDay('soon')).toBeNull();
    expect(toIsoDay('12345')).toBeNull();
    expect(toIsoDay(undefined)).toBeNull();
  });

  it('turns recency into a window and keeps the narrower of recency and after', () => {
    expect(publishedWindow({ recency: 'week' }, NOW)).toEqual({
      after: '2026-11-17',
      before: undefined,
    });
    expect(publishedWindow({ recency: 'hour' }, NOW).after).toBe('2026-11-24');
    const after = parseUsDate('11/20/2026');
    expect(publishedWindow({ recency: 'month', publishedAfter: after }, NOW).after).toBe(
      '2026-11-20',
    );
  });

  it('compares inclusively by day and lets undated results through', () => {
    const window = { after: '2026-01-01', before: '2026-01-31' };
    expect(dayInWindow('2026-01-01', window)).toBe(true);
    expect(dayInWindow('2026-01-31', window)).toBe(true);
    expect(dayInWindow('2025-12-31', window)).toBe(false);
    expect(dayInWindow('2026-02-01', window)).toBe(false);
    expect(dayInWindow(null, window)).toBe(true);
  });

  it('filters results on publication and on last update (falling back to publication)', () => {
    const accept = createResultFilter(
      { publishedAfter: parseUsDate('01/01/2026'), updatedBefore: parseUsDate('06/30/2026') },
      NOW,
    );
    expect(accept(result('2026-03-01'))).toBe(true);
    expect(accept(result('2025-03-01'))).toBe(false);
    expect(accept(result('2026-03-01', '2026-08-01'))).toBe(false);
    expect(accept(result('2026-07-01'))).toBe(false);
    expect(accept(result(null, '2026-05-01'))).toBe(true);
  });

  it('matches languages by their primary subtag', () => {
    expect(languageMatches('en-US', 'en')).toBe(true);
    expect(languageMatches('de', 'en')).toBe(false);
    expect(languageMatches(null, 'en')).toBe(true);
  });
});
