import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A body read up to a byte cap; `truncated` when there was more. */
export interface CappedBody {
  bytes: Buffer;
  truncated: boolean;
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip());
  if (encoding === 'deflate') return response.pipe(createInflate());
  if (encoding === 'br') return response.pipe(createBrotliDecompress());
  return response;
}

/**
 * Reads at most `maxBytes` of the (decompressed) body, then stops the transfer: the cap
 * holds for a page that lies about its length and for a compression bomb alike.
 */
export async function readCapped(response: IncomingMessage, maxBytes: number): Promise<CappedBody> {
  const stream = decoded(response);
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of stream) {
      const piece = chunk as Buffer;
      const room = maxBytes - size;
      if (piece.length > room) {
        chunks.push(piece.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      chunks.push(piece);
      size += piece.length;
    }
  } finally {
    if (stream !== response) stream.destroy();
    response.destroy();
  }
  return { bytes: Buffer.concat(chunks, size), truncated };
}
