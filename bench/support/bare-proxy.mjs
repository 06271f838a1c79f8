// A bare proxy for the uncached bench: node:http and nothing else, in its own process. For
// `POST /` with `{ q, llmBody }` it asks searx for page 1 of `q`, then streams the LLM's answer to
// `llmBody` back as it comes. It is the floor for any gateway on this machine: the same two calls
// and the same extra process hop, with no framework, validation, prompt building or re-encoding.
import { fork } from 'node:child_process';
import { Agent, createServer, request } from 'node:http';
import { fileURLToPath, URLSearchParams } from 'node:url';
import { pipeAnswer } from './pipe-answer.mjs';
import { stopChild, track } from './processes.mjs';

function serve(searxUrl, llmUrl) {
  const agent = new Agent({ keepAlive: true });
  const search = (q) =>
    new Promise((resolve, reject) => {
      const params = new URLSearchParams({ q, format: 'json', categories: 'general', pageno: '1' });
      const req = request(`${searxUrl}/search?${params}`, { agent });
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (piece) => (text += piece));
        res.on('end', () => resolve(JSON.parse(text)));
      });
      req.end();
    });
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (piece) => (text += piece));
    req.on('end', async () => {
      const { q, llmBody } = JSON.parse(text);
      await search(q);
      pipeAnswer(llmUrl, llmBody, agent, res);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('disconnect', () => process.exit(0));
}

/** Starts the bare proxy in its own process; resolves with its URL and a stop(). */
export async function startBareProxy(searxUrl, llmUrl) {
  const child = track(
    fork(fileURLToPath(import.meta.url), ['--serve', searxUrl, llmUrl], { stdio: 'inherit' }),
  );
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

if (process.argv[2] === '--serve') serve(process.argv[3], process.argv[4]);
