/**
 * The API is served in two path layouts: under `/v1` (OpenAI's SDKs) and at the server
 * root (Perplexity's SDKs, whose base URL is the host). A route joins both by naming its
 * controller with `@Controller(bothLayouts('chat/completions'))`; error codes follow the
 * layout by path in the global filter (see `usesNumericErrorCode`). Routes that both SDKs
 * call under `/v1` only (`/v1/models`, `/v1/responses`) keep a plain `v1/...` path.
 */
export const bothLayouts = (path: string): string[] => [`v1/${path}`, path];
