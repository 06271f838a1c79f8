import type { SearchImage, SearchResult } from '@answergate/search';
import type { CompletionUsage } from './completion.types';
import type {
  WireCitationCheck,
  WireImage,
  WireSearchResult,
  WireUsage,
} from './chat-completion.wire';
import type { CitationCheckReport } from './grounding/citation-check.types';

export const toWireResult = (result: SearchResult): WireSearchResult => ({
  title: result.title,
  url: result.url,
  date: result.date,
  last_updated: result.lastUpdated,
  snippet: result.snippet,
});

/** Width and height go out only as a pair of numbers: strict clients reject anything else. */
export const toWireImage = (image: SearchImage): WireImage => {
  const wire: WireImage = {
    image_url: image.imageUrl,
    origin_url: image.originUrl,
    title: image.title,
  };
  if (Number.isFinite(image.width) && Number.isFinite(image.height)) {
    wire.width = image.width;
    wire.height = image.height;
  }
  return wire;
};

export const toWireUsage = (usage: CompletionUsage): WireUsage => ({
  prompt_tokens: usage.promptTokens,
  completion_tokens: usage.completionTokens,
  total_tokens: usage.promptTokens + usage.completionTokens,
  citation_tokens: usage.citationTokens,
  num_search_queries: usage.numSearchQueries,
  search_context_size: usage.searchContextSize,
  ...(usage.reasoningTokens === undefined ? {} : { reasoning_tokens: usage.reasoningTokens }),
});

export const toWireCitationCheck = (report: CitationCheckReport): WireCitationCheck => ({
  checked: report.checked,
  supported: report.supported,
  unsupported: report.unsupported.map((u) => ({
    sentence_index: u.sentenceIndex,
    marker: u.marker,
    reason: u.reason,
  })),
});
