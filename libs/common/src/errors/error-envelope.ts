/** OpenAI's error body: `{"error":{"message","type","param","code"}}`. */
export interface ErrorEnvelope {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | null;
  };
}

/** What the filter decided to answer: status, body and any extra headers. */
export interface ErrorResponse {
  status: number;
  body: ErrorEnvelope;
  headers: Record<string, string>;
}
