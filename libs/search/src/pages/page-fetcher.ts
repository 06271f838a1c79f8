import type { IncomingMessage } from 'node:http';
import { extractText, readableType } from './extract-text';
import type { AllowList } from './allow-list';
import { failed } from './page-fetch.error';
import { checkTarget, type Resolve } from './page-target';
import { pinnedGet } from './pinned-get';
import { readCapped } from './read-body';

export interface PageFetchSettings {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  allowList: AllowList;
  resolve: Resolve;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8';

/**
 * Fetches one page and returns its readable text, or throws a `PageFetchError`. Every hop
 * of a redirect chain is checked and resolved again before it is requested; the whole read,
 * redirects included, ends at `timeoutMs`.
 */
export async function fetchPageText(
  url: string,
  settings: PageFetchSettings,
  signal?: AbortSignal,
): Promise<string> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await follow(url, settings, combined);
  } catch (error) {
    if (combined.aborted) {
      throw failed(timeout.aborted ? `timed out after ${settings.timeoutMs} ms` : 'cancelled');
    }
    throw error;
  }
}

async function follow(
  url: string,
  settings: PageFetchSettings,
  signal: AbortSignal,
): Promise<string> {
  let current = url;
  for (let hop = 0; ; hop += 1) {
    const target = await checkTarget(current, settings.allowList, settings.resolve);
    signal.throwIfAborted();
    const response = await pinnedGet(target, headers(settings), signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      response.destroy();
      if (hop >= settings.maxRedirects)
        throw failed(`more than ${settings.maxRedirects} redirects`);
      current = new URL(location, target.url).toString();
      continue;
    }
    return readPage(response, status, target.url.toString(), settings);
  }
}

async function readPage(
  response: IncomingMessage,
  status: number,
  url: string,
  settings: PageFetchSettings,
): Promise<string> {
  const contentType = response.headers['content-type'];
  const type = readableType(contentType);
  if (status < 200 || status >= 300 || !type) {
    response.destroy();
    throw failed(
      status < 200 || status >= 300 ? `HTTP ${status}` : `type ${contentType ?? 'none'}`,
    );
  }
  const body = await readCapped(response, settings.maxBytes);
  if (body.truncated && type === 'application/pdf') throw failed('PDF larger than the size cap');
  const text = await extractText(body.bytes, type, contentType, url);
  if (!text) throw failed('no readable text');
  return text;
}

function headers(settings: PageFetchSettings): Record<string, string> {
  return {
    'user-agent': settings.userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
}
