import type { UrlCitationAnnotation } from './wire/url-citations';

/** OpenAI's chat completion shapes, plus the search fields Perplexity-style clients read. */

export interface WireSearchResult {
  title: string;
  url: string;
  date: string | null;
  last_updated: string | null;
  snippet: string;
}

export interface WireImage {
  image_url: string;
  origin_url: string;
  title: string;
  width?: number;
  height?: number;
}

export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  citation_tokens: number;
  num_search_queries: number;
  search_context_size: string;
  reasoning_tokens?: number;
}

/** How well the answer's `[n]` markers are supported by their sources' text. */
export interface WireCitationCheck {
  checked: number;
  supported: number;
  unsupported: Array<{ sentence_index: number; marker: number; reason: string }>;
}

interface SearchFields {
  citations?: string[];
  search_results?: WireSearchResult[];
  related_questions?: string[];
  images?: WireImage[];
  citation_check?: WireCitationCheck;
}

export interface ChatCompletionChunk extends SearchFields {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: Array<{
    index: 0;
    delta: { role?: 'assistant'; content?: string; annotations?: UrlCitationAnnotation[] };
    logprobs: null;
    finish_reason: string | null;
  }>;
  usage?: WireUsage | null;
}

export interface ChatCompletion extends SearchFields {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: 0;
    message: {
      role: 'assistant';
      content: string;
      refusal: null;
      annotations: UrlCitationAnnotation[];
    };
    logprobs: null;
    finish_reason: string;
  }>;
  usage: WireUsage;
  citations: string[];
  search_results: WireSearchResult[];
}
