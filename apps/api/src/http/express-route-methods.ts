import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { RouteMethods } from '@answergate/common';

/** What this reads of an Express router layer: its path matcher and, for a route, its methods. */
interface RouterLayer {
  match(path: string): boolean;
  route?: { methods: Record<string, boolean | undefined> };
}

/**
 * The methods of the routes Nest registered on Express, read from its router when first asked
 * (every route is registered by then: only an unmatched request asks).
 */
@Injectable()
export class ExpressRouteMethods implements RouteMethods {
  private routeLayers?: RouterLayer[];

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  allowedAt(path: string): readonly string[] {
    const allowed = new Set<string>();
    for (const layer of this.layers()) {
      if (!layer.match(path)) continue;
      for (const [method, on] of Object.entries(layer.route!.methods)) {
        if (on && method !== '_all') allowed.add(method.toUpperCase());
      }
    }
    // Express answers HEAD wherever it answers GET.
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed].sort();
  }

  private layers(): RouterLayer[] {
    if (!this.routeLayers) {
      const app = this.adapterHost.httpAdapter.getInstance<{ router: { stack: RouterLayer[] } }>();
      this.routeLayers = app.router.stack.filter((layer) => layer.route !== undefined);
    }
    return this.routeLayers;
  }
}
