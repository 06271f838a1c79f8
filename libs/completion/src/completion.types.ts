import type { RequestTimings } from '@answergate/common';
import type { CitationCheckReport } from './grounding/citation-check.types';
import type { LlmMessage, LlmSampling } from '@answergate/llm';
import type { ModelProfile } from '@answergate/models';
import type { SearchFilters, SearchImage, SearchResult } from '@answergate/search';

export type SearchContextSize = 'low' | 'medium' | 'high';

/** A validated chat completion request, independent of HTTP. */
export interface CompletionRequest {
  model: ModelProfile;
  /** The conversation with text-only content; the last message is the user's question. */
  messages: LlmMessage[];
  search: {
    maxResults: number;
    filters: SearchFilters;
    contextSize: SearchContextSize;
    /** Plan several sub-queries (the request's `pro_search`, or the model's profile). */
    pro: boolean;
    /** False for `disable_search`: the model answers alone, with no sources. */
    enabled: boolean;
    /** `enable_search_classifier`: a cheap decision may skip the search for this prompt. */
    classify: boolean;
  };
  /** Deep research budget (`sonar-deep-research`); the default is `medium`. */
  reasoningEffort?: 'low' | 'medium' | 'high';
  returnImages: boolean;
  returnRelatedQuestions: boolean;
  sampling: LlmSampling;
  /** Where the request's time goes (search, page reading, LLM), when the caller tracks it. */
  timings?: RequestTimings;
  /** Backpressure from a streaming client: the answer's upstream is not read while it waits. */
  whenWritable?: () => Promise<void> | undefined;
}

export interface CompletionUsage {
  promptTokens: number;
  completionTokens: number;
  citationTokens: number;
  numSearchQueries: number;
  searchContextSize: SearchContextSize;
  /** Tokens of the reasoning (deep research's `<think>` block), when there is one. */
  reasoningTokens?: number;
}

/** What the pipeline emits, in order: sources once, answer deltas, then one `done`. */
export type CompletionEvent =
  /** `queries`: the searches that ran (none when search was skipped). */
  | { type: 'sources'; results: SearchResult[]; queries?: string[] }
  | { type: 'delta'; content: string }
  | {
      type: 'done';
      finishReason: string;
      usage: CompletionUsage;
      /** Absent with `CITATION_CHECK=off`. */
      citationCheck?: CitationCheckReport;
      relatedQuestions?: string[];
      images?: SearchImage[];
    };
