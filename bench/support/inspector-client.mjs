// A minimal client of the V8 inspector (Chrome DevTools Protocol) of another Node process started
// with `--inspect=127.0.0.1:<port>`: the WebSocket handshake and text frames spoken by hand on
// node:net, because Node 20 has no WebSocket client without a flag and a bench adds no dependency.
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

/** The WebSocket address of the one inspector target at `port` (from its /json/list). */
async function debuggerUrl(port) {
  const res = await globalThis.fetch(`http://127.0.0.1:${port}/json/list`);
  const [target] = await res.json();
  if (!target?.webSocketDebuggerUrl) throw new Error(`no inspector target at port ${port}`);
  return new URL(target.webSocketDebuggerUrl);
}

/** One client-to-server text frame: FIN, opcode 1, masked as RFC 6455 requires of a client. */
function textFrame(text) {
  const payload = Buffer.from(text, 'utf8');
  const n = payload.length;
  const lengthBytes = n < 126 ? 0 : n < 65_536 ? 2 : 8;
  const head = Buffer.alloc(2 + lengthBytes + 4);
  head[0] = 0x81;
  if (lengthBytes === 0) head[1] = 0x80 | n;
  else if (lengthBytes === 2) {
    head[1] = 0x80 | 126;
    head.writeUInt16BE(n, 2);
  } else {
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  const mask = randomBytes(4);
  mask.copy(head, 2 + lengthBytes);
  for (let i = 0; i < n; i += 1) payload[i] ^= mask[i & 3];
  return Buffer.concat([head, payload]);
}

/**
 * Splits server frames (never masked) off the front of `buffer`; calls `onMessage` with each
 * whole text message (fragments joined). Returns what is left, an incomplete frame.
 */
function readFrames(buffer, state, onMessage) {
  let rest = buffer;
  while (rest.length >= 2) {
    let length = rest[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (rest.length < 4) break;
      length = rest.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (rest.length < 10) break;
      length = Number(rest.readBigUInt64BE(2));
      offset = 10;
    }
    if (rest.length < offset + length) break;
    const fin = (rest[0] & 0x80) !== 0;
    const opcode = rest[0] & 0x0f;
    if (opcode === 0x1 || opcode === 0x0) {
      state.fragments.push(rest.subarray(offset, offset + length));
      if (fin) {
        onMessage(Buffer.concat(state.fragments).toString('utf8'));
        state.fragments = [];
      }
    }
    rest = rest.subarray(offset + length);
  }
  return rest;
}

/**
 * Connects to the inspector at `port`. `send(method, params)` resolves with the command's result
 * (rejects with its error); `on(method, listener)` receives events; `close()` hangs up.
 */
export async function connectInspector(port) {
  const url = await debuggerUrl(port);
  const socket = connect(Number(url.port), url.hostname);
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\n` +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  const pending = new Map();
  const listeners = new Map();
  const state = { fragments: [] };
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  const onMessage = (text) => {
    const message = JSON.parse(text);
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (waiter) {
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    } else if (message.method) listeners.get(message.method)?.(message.params);
  };
  await new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.on('data', (data) => {
      buffer = buffer.length === 0 ? data : Buffer.concat([buffer, data]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        if (!head.startsWith('HTTP/1.1 101')) {
          reject(new Error(`inspector refused the WebSocket: ${head.split('\r\n')[0]}`));
          return;
        }
        upgraded = true;
        buffer = buffer.subarray(end + 4);
        resolve();
      }
      buffer = readFrames(buffer, state, onMessage);
    });
  });
  const failAll = (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  socket.on('error', failAll);
  socket.on('close', () => failAll(new Error('inspector connection closed')));
  let nextId = 1;
  return {
    send(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        socket.write(textFrame(JSON.stringify({ id, method, params })));
      });
    },
    on(method, listener) {
      listeners.set(method, listener);
    },
    close() {
      socket.destroy();
    },
  };
}
