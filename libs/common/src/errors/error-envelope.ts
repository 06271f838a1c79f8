/**
 * OpenAI's error body: `{"error":{"message","type","param","code"}}`. `code` is a string
 * on the `/v1` layout and the HTTP status number on the root (Perplexity) layout.
 */
export interface ErrorEnvelope {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | number | null;
  };
}

/** What the filter decided to answer: status, body and any extra headers. */
export interface ErrorResponse {
  status: number;
  body: ErrorEnvelope;
  headers: Record<string, string>;
}
