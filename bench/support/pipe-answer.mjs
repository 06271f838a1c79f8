// The relay the bare baselines share: a chat request to the LLM fixture whose answer's bytes are
// piped back to the client untouched, as they come.
import { Buffer } from 'node:buffer';
import { request } from 'node:http';

/** POSTs `llmBody` to `<llmUrl>/chat/completions` and pipes the answer to `res`. */
export function pipeAnswer(llmUrl, llmBody, agent, res) {
  const payload = JSON.stringify(llmBody);
  const upstream = request(`${llmUrl}/chat/completions`, {
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
    },
  });
  upstream.on('response', (answer) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    answer.pipe(res);
  });
  upstream.end(payload);
}
