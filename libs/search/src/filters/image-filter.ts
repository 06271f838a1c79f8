import type { SearchImage } from '../search.types';
import { hostMatches, hostOf, parseDomainFilter } from './domain-filter';

/** `image_domain_filter` and `image_format_filter`. */
export interface ImageFilters {
  /** `example.com` allows, `-example.com` denies; matched on the image's host or its page's. */
  domains?: string[];
  /** File formats: `gif`, `jpg` (= `jpeg`), `png`, `webp`, `svg`, `avif`, `bmp`... */
  formats?: string[];
}

const canonicalFormat = (format: string) => {
  const lower = format.toLowerCase().replace(/^\./, '');
  return lower === 'jpeg' ? 'jpg' : lower;
};

/** The format an image URL names by its extension (`.../a.JPEG?w=2` -> `jpg`), if any. */
export function imageFormat(url: string): string | undefined {
  try {
    const extension = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1];
    return extension ? canonicalFormat(extension) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The image filters as one predicate, enforced on every image returned. An image whose
 * format cannot be told from its URL does not pass a format filter.
 */
export function createImageFilter(filters: ImageFilters): (image: SearchImage) => boolean {
  const { allow, deny } = parseDomainFilter(filters.domains);
  const formats = new Set((filters.formats ?? []).map(canonicalFormat));
  return (image) => {
    const hosts = [hostOf(image.imageUrl), hostOf(image.originUrl)].filter(
      (host): host is string => host !== undefined,
    );
    const matches = (domain: string) => hosts.some((host) => hostMatches(host, domain));
    if (deny.some(matches)) return false;
    if (allow.length > 0 && !allow.some(matches)) return false;
    if (formats.size === 0) return true;
    const format = imageFormat(image.imageUrl);
    return format !== undefined && formats.has(format);
  };
}
