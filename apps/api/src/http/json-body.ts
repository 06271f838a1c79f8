import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { InvalidRequestError, RequestTooLargeError } from '@answergate/common';
import { isPlainJson } from './plain-json';

export interface JsonBodyOptions {
  /** The largest body accepted, as BODY_LIMIT writes it: `1mb`, `512kb` or a byte count. */
  limit: string;
  /** Whether to parse this request's body (body-parser's `type`). */
  type: (req: IncomingMessage) => boolean;
}

const DIGITS = /^\d+$/;
const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };
const NOT_JSON = Symbol('not JSON');

/** `1mb`, `512kb`, `1048576` in bytes (the units body-parser reads them in). */
export function byteCount(limit: string): number {
  const [, count, unit = ''] = /^(\d+)([a-z]*)$/i.exec(limit.trim()) ?? [];
  const scale = UNITS[unit.toLowerCase()];
  if (count === undefined || scale === undefined) throw new Error(`Not a byte size: ${limit}`);
  return Number(count) * scale;
}

/**
 * The length the request declares for a body sent as it is (not compressed, not chunked), or
 * undefined when it declares none that way.
 */
function declaredLength(req: IncomingMessage): number | undefined {
  const { headers } = req;
  if (headers['content-encoding'] !== undefined || headers['transfer-encoding'] !== undefined) {
    return undefined;
  }
  const declared = headers['content-length'];
  return declared !== undefined && DIGITS.test(declared) ? Number(declared) : undefined;
}

/**
 * The length of a body the short path can take: declared, within the limit, not compressed,
 * and plain JSON in UTF-8. Anything else (chunked, gzip, another charset) is left to
 * body-parser, which answers each case as it always has.
 */
function plainLength(req: IncomingMessage, maxBytes: number): number | undefined {
  const length = declaredLength(req);
  if (length === undefined || req.readableEnded) return undefined;
  if (!isPlainJson(req.headers['content-type'])) return undefined;
  return length > 0 && length <= maxBytes ? length : undefined;
}

/**
 * True when the body's declared length is over the limit and it is not compressed: body-parser
 * would read all of it before answering 413, so a client that declares 100 MB and sends less
 * waited for the request timeout (408) instead.
 */
function declaredTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const length = declaredLength(req);
  return length !== undefined && length > maxBytes;
}

/** The value of a body that starts as JSON must and parses; NOT_JSON for anything else. */
function parsed(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  const first = text.charCodeAt(0);
  if (first !== 0x7b && first !== 0x5b) return NOT_JSON; // `{` or `[`; whitespace, BOM: replayed
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/**
 * body-parser's JSON parser (same limit and `type`), with a short path for the usual body:
 * a declared length, no compression, UTF-8 JSON that starts with `{` or `[` and parses. That
 * body is read and parsed directly, without body-parser's content-type parsing, decoder and
 * stream bookkeeping, which cost on every request. A body that does not parse is handed to
 * body-parser as read, so every error (and what a lenient body parses to) is body-parser's
 * own; a client that goes away mid-body gets body-parser's `request_aborted` answer. A body
 * declared over the limit is refused at once, unread, with 413 (`RequestTooLargeError`).
 */
export function jsonBody({ limit, type }: JsonBodyOptions): RequestHandler {
  const parser = json({ limit, type });
  const maxBytes = byteCount(limit);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!type(req)) return void parser(req, res, next);
    if (declaredTooLarge(req, maxBytes)) return next(new RequestTooLargeError(limit));
    const length = plainLength(req, maxBytes);
    if (length === undefined) return void parser(req, res, next);
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (): boolean => !settled && (settled = true);
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!settle()) return;
      const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      const body = parsed(bytes);
      if (body === NOT_JSON) return replay(parser, req, bytes, res, next);
      req.body = body;
      next();
    });
    const aborted = (): void => {
      if (settle())
        next(new InvalidRequestError('The request was aborted.', null, 'request_aborted'));
    };
    req.on('error', aborted);
    req.on('close', aborted);
  };
}

/** Runs body-parser over a body already read, for its verdict (an error, or a lenient parse). */
function replay(
  parser: RequestHandler,
  req: Request,
  bytes: Buffer,
  res: Response,
  next: NextFunction,
): void {
  const copy = Object.assign(Readable.from([bytes], { objectMode: false }), {
    headers: req.headers,
  }) as unknown as Request;
  void parser(copy, res, (error?: unknown) => {
    if (error) return next(error);
    req.body = copy.body as unknown;
    next();
  });
}
