/** One `PAGE_FETCH_ALLOW_HOSTS` entry: a host name or IP, and a port when one was given. */
interface AllowedHost {
  host: string;
  port?: number;
}

/** The ports a page may be on without an allow-list entry naming it. */
export const DEFAULT_PORTS: ReadonlySet<number> = new Set([80, 443]);

/**
 * Hosts that may be fetched even when they resolve to a private or loopback address (an
 * intranet wiki, a test server): `host` allows ports 80 and 443, `host:port` that port too.
 * Matching is on the URL's host as written (after URL normalisation), never on what it resolves to.
 */
export class AllowList {
  private readonly entries: AllowedHost[];

  constructor(entries: readonly string[]) {
    this.entries = entries.map(parseEntry);
  }

  allows(host: string, port: number): boolean {
    const name = host.toLowerCase();
    return this.entries.some(
      (entry) =>
        entry.host === name &&
        (entry.port === undefined ? DEFAULT_PORTS.has(port) : entry.port === port),
    );
  }
}

function parseEntry(entry: string): AllowedHost {
  const text = entry.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed)
    return { host: bracketed[1], port: bracketed[2] ? Number(bracketed[2]) : undefined };
  const [host, port, extra] = text.split(':');
  // A bare IPv6 address has several colons and no port.
  if (extra !== undefined) return { host: text };
  return { host, port: port ? Number(port) : undefined };
}
