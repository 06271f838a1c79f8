/** OpenAI's Responses API shapes, as this server fills them. */

export interface ResponseUrlCitation {
  type: 'url_citation';
  url: string;
  title: string;
  start_index: number;
  end_index: number;
}

export interface ResponseOutputText {
  type: 'output_text';
  text: string;
  annotations: ResponseUrlCitation[];
  logprobs: [];
}

export interface ResponseWebSearchCall {
  type: 'web_search_call';
  id: string;
  status: 'completed';
  action: { type: 'search'; query: string; queries: string[] };
}

export interface ResponseMessage {
  type: 'message';
  id: string;
  status: 'in_progress' | 'completed' | 'incomplete';
  role: 'assistant';
  content: ResponseOutputText[];
}

export type ResponseOutputItem = ResponseWebSearchCall | ResponseMessage;

export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export interface ResponseObject {
  id: string;
  object: 'response';
  created_at: number;
  status: 'in_progress' | 'completed' | 'incomplete' | 'failed';
  model: string;
  output: ResponseOutputItem[];
  output_text: string;
  usage: ResponseUsage | null;
  error: { code: string; message: string } | null;
  incomplete_details: { reason: 'max_output_tokens' } | null;
  instructions: string | null;
  max_output_tokens: number | null;
  temperature: number | null;
  top_p: number | null;
  previous_response_id: string | null;
  store: boolean;
  parallel_tool_calls: false;
  tool_choice: 'none';
  tools: [];
  text: { format: { type: 'text' } };
  metadata: Record<string, string>;
  /** Perplexity-style fields, as on chat completions. */
  citations: string[];
  search_results: Array<{ title: string; url: string; date: string | null; snippet: string }>;
}

/** One event of a streamed response, with its `sequence_number`. */
export interface ResponseStreamEvent {
  type: string;
  sequence_number: number;
  [field: string]: unknown;
}
