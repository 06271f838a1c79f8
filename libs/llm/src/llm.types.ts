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
  /** `reasoning_effort`, passed to the upstream as is. */
  reasoningEffort?: ReasoningEffort;
}

export type ReasoningEffort = 'low' | 'medium' | 'high';

/** `response_format` other than text, as the upstream receives it. */
export type ResponseFormat =
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      jsonSchema: {
        name: string;
        schema: Record<string, unknown>;
        strict?: boolean;
        description?: string;
      };
    }
  | { type: 'regex'; regex: string };

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
  /**
   * Counts the prompt's tokens for the usage estimate of an upstream that reports none. When
   * given, a streaming provider lets go of the request (its messages) once the upstream has
   * accepted it, instead of holding the prompt for the whole answer.
   */
  countPromptTokens?: () => number;
  /**
   * A reasoning model's answer: providers that reason without a model (extractive)
   * emit `reasoning` events describing what they did; `queries` are the searches run.
   */
  reasoning?: { queries: string[] };
  /** Structured output the upstream is asked for (checked by the caller). */
  responseFormat?: ResponseFormat;
}

export interface LlmUsage {
  promptTokens: number;
  /** All generated tokens, reasoning included (as OpenAI counts them). */
  completionTokens: number;
  /** The reasoning part of `completionTokens`, when there was any. */
  reasoningTokens?: number;
}

/** What a streamed completion emits: text deltas, then usage when the upstream reports it. */
export type LlmEvent =
  | { type: 'delta'; content: string }
  /** Reasoning text: `delta.reasoning_content`, `delta.reasoning` or a leading `<think>` block. */
  | { type: 'reasoning'; content: string }
  | { type: 'usage'; usage: LlmUsage }
  | { type: 'finish'; reason: string };

export interface LlmCompletion {
  content: string;
  usage?: LlmUsage;
  /** Reasoning the upstream sent apart from the content (or in a leading `<think>` block). */
  reasoning?: string;
}
