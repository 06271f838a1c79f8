import type { RecencyFilter, SearchFilters, SearchResult } from '../search.types';

const ISO_DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How far back each recency bucket reaches. */
export const RECENCY_WINDOW_MS: Record<RecencyFilter, number> = {
  hour: HOUR_MS,
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 31 * DAY_MS,
  year: 366 * DAY_MS,
};

/** `YYYY-MM-DD` in UTC. */
export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Any date a backend or document gives (`2024-05-01`, ISO, `May 1, 2024`, a `Date`)
 * to `YYYY-MM-DD`, or null. A leading calendar day is taken literally, so no time zone shifts it.
 */
export function toIsoDay(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toDay(value);
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  const literal = ISO_DAY_PREFIX.exec(text);
  if (literal) return `${literal[1]}-${literal[2]}-${literal[3]}`;
  if (!text || /^\d+$/.test(text)) return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : toDay(parsed);
}

/** Inclusive day bounds; a missing side is open. */
export interface DayWindow {
  after?: string;
  before?: string;
}

const later = (a?: string, b?: string) => (!a ? b : !b ? a : a > b ? a : b);

/** The publication window from recency and the explicit dates together (the narrower wins). */
export function publishedWindow(filters: SearchFilters, now: Date): DayWindow {
  const recency = filters.recency
    ? toDay(new Date(now.getTime() - RECENCY_WINDOW_MS[filters.recency]))
    : undefined;
  return {
    after: later(recency, filters.publishedAfter && toDay(filters.publishedAfter)),
    before: filters.publishedBefore && toDay(filters.publishedBefore),
  };
}

export function updatedWindow(filters: SearchFilters): DayWindow {
  return {
    after: filters.updatedAfter && toDay(filters.updatedAfter),
    before: filters.updatedBefore && toDay(filters.updatedBefore),
  };
}

/**
 * Dates are compared by day. An undated result passes: backends apply recency
 * themselves, and most pages carry no date at all.
 */
export function dayInWindow(day: string | null, window: DayWindow): boolean {
  if (!day) return true;
  return (!window.after || day >= window.after) && (!window.before || day <= window.before);
}

export function passesDateFilters(
  result: Pick<SearchResult, 'date' | 'lastUpdated'>,
  published: DayWindow,
  updated: DayWindow,
): boolean {
  return (
    dayInWindow(result.date, published) && dayInWindow(result.lastUpdated ?? result.date, updated)
  );
}
