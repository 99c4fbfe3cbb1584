import type { FunctionDescriptor } from '../catalog/describe';
import { writeLog } from '../log/logger';
import { compileRoute, comparePrecedence, type CompiledRoute } from './route-template';

/** A compiled HTTP route of one function. */
export interface RouteEntry {
  readonly function: FunctionDescriptor;
  readonly route: CompiledRoute;
  readonly methods: ReadonlySet<string> | null;
  readonly order: number;
}

/** A request resolved to a function. */
export interface RouteMatch {
  readonly entry: RouteEntry;
  readonly params: Record<string, string>;
}

/**
 * The HTTP routes of the registered functions — derived from the registrations, never declared
 * separately. Matching mirrors the Functions host: routes ordered by ASP.NET precedence, and the
 * HTTP method is a route constraint, so a known path with an unlisted method falls through to 404.
 */
export class RouteTable {
  readonly entries: RouteEntry[];

  constructor(functions: readonly FunctionDescriptor[], routePrefix: string) {
    const entries: RouteEntry[] = [];
    functions.forEach((fn, order) => {
      if (!fn.http || fn.disabled || fn.error) return;
      try {
        const route = compileRoute(routePrefix, fn.http.route);
        if (route.ignoredConstraints.length > 0) {
          writeLog({
            level: 'warning',
            category: 'Host.Startup',
            message: `Function '${fn.name}': route constraint(s) ${route.ignoredConstraints.join(', ')} are not evaluated locally and match any value.`,
          });
        }
        entries.push({ function: fn, route, methods: fn.http.methods ? new Set(fn.http.methods) : null, order });
      } catch (error) {
        writeLog({
          level: 'error',
          category: 'Host.Startup',
          message: `Function '${fn.name}' has an invalid route and is not served: ${(error as Error).message}`,
        });
      }
    });
    this.entries = entries.sort((a, b) => comparePrecedence(a.route.precedence, b.route.precedence) || a.order - b.order);
  }

  /** Finds the function for a method and raw path (no query string). */
  find(method: string, path: string): RouteMatch | undefined {
    const upper = method.toUpperCase();
    for (const entry of this.entries) {
      if (entry.methods && !entry.methods.has(upper)) continue;
      const params = entry.route.match(path);
      if (params) return { entry, params };
    }
    return undefined;
  }

  /** Methods of every route matching the path, ignoring the method (for CORS preflight). */
  methodsFor(path: string): string[] | undefined {
    const methods = new Set<string>();
    let any = false;
    for (const entry of this.entries) {
      if (!entry.route.match(path)) continue;
      any = true;
      for (const method of entry.methods ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) methods.add(method);
    }
    return any ? [...methods] : undefined;
  }
}
