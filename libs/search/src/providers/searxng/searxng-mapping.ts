import { toIsoDay } from '../../filters/date-filter';
import type { SearchImage, SearchResult, SearchVideo } from '../../search.types';
import { htmlToText } from '../../text/html-to-text';
import type { SearxngResult } from './searxng-response';

const isHttpUrl = (value: unknown): value is string =>
  typeof value === 'string' && /^https?:\/\//i.test(value);

export function toSearchResult(result: SearxngResult): SearchResult | undefined {
  if (!isHttpUrl(result.url)) return undefined;
  return {
    title: htmlToText(result.title ?? '') || result.url,
    url: result.url,
    snippet: htmlToText(result.content ?? ''),
    date: toIsoDay(result.pubdate ?? result.publishedDate),
    lastUpdated: null,
  };
}

export function toSearchImage(result: SearxngResult): SearchImage | undefined {
  const imageUrl = result.img_src ?? result.thumbnail_src;
  if (!isHttpUrl(imageUrl) || !isHttpUrl(result.url)) return undefined;
  const size = /^(\d+)\s*[x×]\s*(\d+)$/.exec(result.resolution ?? '');
  return {
    imageUrl,
    originUrl: result.url,
    title: htmlToText(result.title ?? ''),
    ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}),
  };
}

/** `3:25`, `1:02:03` or a number of seconds, as seconds. */
export function durationSeconds(length: string | number | null | undefined): number | null {
  if (typeof length === 'number') return Number.isFinite(length) && length >= 0 ? length : null;
  if (typeof length !== 'string' || !/^\d+(:\d{1,2}){0,2}$/.test(length.trim())) return null;
  return length
    .trim()
    .split(':')
    .reduce((seconds, part) => seconds * 60 + Number(part), 0);
}

export function toSearchVideo(result: SearxngResult): SearchVideo | undefined {
  if (!isHttpUrl(result.url)) return undefined;
  const thumbnail = result.thumbnail ?? result.thumbnail_src;
  const size = /^(\d+)\s*[x×]\s*(\d+)$/.exec(result.resolution ?? '');
  return {
    url: result.url,
    thumbnailUrl: isHttpUrl(thumbnail) ? thumbnail : null,
    thumbnailWidth: size ? Number(size[1]) : null,
    thumbnailHeight: size ? Number(size[2]) : null,
    duration: durationSeconds(result.length),
  };
}
