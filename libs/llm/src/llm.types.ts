export type ChatRole = 'system' | 'user' | 'assistant';

export interface LlmMessage {
  role: ChatRole;
  content: string;
}

/** A numbered source, as the answer must cite it: `[index]`. */
export interface NumberedSource {
  index: number;
  title: string;
  url: string;
  snippet: string;
  date: string | null;
}

/**
 * Why the pipeline calls the model. Network providers only need `messages`;
 * the embedded extractive provider uses `question` and `sources` to work without a model.
 */
export type LlmTask = 'answer' | 'rephrase' | 'plan' | 'related' | 'classify';

/** Sampling fields passed to the upstream where it supports them. */
export interface LlmSampling {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  stop?: string[];
  user?: string;
  seed?: number;
  /** Top-k sampling: vLLM, llama.cpp and Ollama read `top_k`; OpenAI ignores it. */
  topK?: number;
}

export interface LlmRequest extends LlmSampling {
  task: LlmTask;
  model: string;
  messages: LlmMessage[];
  /** The standalone question, for providers that do not read `messages`. */
  question: string;
  /** The numbered sources of an `answer` or `related` task. */
  sources?: NumberedSource[];
  /**
   * Backpressure from the consumer of a stream: a promise while it cannot take more
   * (the upstream is not read until it settles), `undefined` while it can.
   */
  whenWritable?: () => Promise<void> | undefined;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
}

/** What a streamed completion emits: text deltas, then usage when the upstream reports it. */
export type LlmEvent =
  | { type: 'delta'; content: string }
  | { type: 'usage'; usage: LlmUsage }
  | { type: 'finish'; reason: string };

export interface LlmCompletion {
  content: string;
  usage?: LlmUsage;
}
