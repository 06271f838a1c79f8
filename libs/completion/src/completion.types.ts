import type { RequestTimings } from '@answergate/common';
import type { CitationCheckReport } from './grounding/citation-check.types';
import type { LlmMessage, LlmSampling, ResponseFormat } from '@answergate/llm';
import type { FormatChecker } from './structured-output/format-checker';
import type { ModelProfile } from '@answergate/models';
import type {
  ImageFilters,
  SearchFilters,
  SearchImage,
  SearchResult,
  SearchVideo,
} from '@answergate/search';

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
  /** `response_format` (not text): what the upstream is asked for, and its compiled check. */
  responseFormat?: { format: ResponseFormat; check: FormatChecker };
  returnImages: boolean;
  /** `image_domain_filter` / `image_format_filter`, enforced on the images. */
  imageFilters: ImageFilters;
  /** `media_response.overrides.return_videos` (SearXNG's videos category). */
  returnVideos: boolean;
  /** `web_search_options.user_location` and `language_preference`, for the answer prompt. */
  audience: Audience;
  returnRelatedQuestions: boolean;
  sampling: LlmSampling;
  /** Where the request's time goes (search, page reading, LLM), when the caller tracks it. */
  timings?: RequestTimings;
  /** Backpressure from a streaming client: the answer's upstream is not read while it waits. */
  whenWritable?: () => Promise<void> | undefined;
}

/** Who asks, as the answer prompt tells the model. */
export interface Audience {
  /** `language_preference`: the language the answer is written in. */
  language?: string;
  /** `user_location`, as words ("Lyon, Auvergne-Rhône-Alpes, FR") or coordinates. */
  location?: string;
}

export interface CompletionUsage {
  promptTokens: number;
  completionTokens: number;
  /** The reasoning part of `completionTokens` (0 when the model did not reason). */
  reasoningTokens: number;
  citationTokens: number;
  numSearchQueries: number;
  searchContextSize: SearchContextSize;
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
      videos?: SearchVideo[];
    };
