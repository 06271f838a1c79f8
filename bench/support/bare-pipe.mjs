// A bare relay for the streams bench: node:http and nothing else, in its own process. Every POST
// is passed to the LLM fixture's chat completions as it came (model aside) and the answer's bytes
// are piped back untouched. It shows what relaying that many streams costs on this machine with no
// gateway at all: no parsing, no re-encoding, no search.
import { Buffer } from 'node:buffer';
import { fork } from 'node:child_process';
import { Agent, createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { pipeAnswer } from './pipe-answer.mjs';
import { stopChild, track } from './processes.mjs';

function serve(llmUrl) {
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const pieces = [];
    req.on('data', (piece) => pieces.push(piece));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(pieces).toString('utf8'));
      pipeAnswer(llmUrl, { ...body, model: 'fixture-model' }, agent, res);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('disconnect', () => process.exit(0));
}

/** Starts the bare pipe in its own process; resolves with its URL, pid and a stop(). */
export async function startBarePipe(llmUrl) {
  const child = track(
    fork(fileURLToPath(import.meta.url), ['--serve', llmUrl], { stdio: 'inherit' }),
  );
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}

if (process.argv[2] === '--serve') serve(process.argv[3]);
