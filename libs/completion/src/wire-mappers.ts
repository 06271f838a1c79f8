import type { SearchImage, SearchResult } from '@answergate/search';
import type { CompletionUsage } from './completion.types';
import type { WireImage, WireSearchResult, WireUsage } from './chat-completion.wire';

export const toWireResult = (result: SearchResult): WireSearchResult => ({
  title: result.title,
  url: result.url,
  date: result.date,
  last_updated: result.lastUpdated,
  snippet: result.snippet,
});

export const toWireImage = (image: SearchImage): WireImage => ({
  image_url: image.imageUrl,
  origin_url: image.originUrl,
  title: image.title,
  width: image.width,
  height: image.height,
});

export const toWireUsage = (usage: CompletionUsage): WireUsage => ({
  prompt_tokens: usage.promptTokens,
  completion_tokens: usage.completionTokens,
  total_tokens: usage.promptTokens + usage.completionTokens,
  reasoning_tokens: usage.reasoningTokens,
  citation_tokens: usage.citationTokens,
  num_search_queries: usage.numSearchQueries,
  search_context_size: usage.searchContextSize,
});
