import { toIsoDay } from '../../filters/date-filter';
import type { SearchImage, SearchResult } from '../../search.types';
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
