import { isOperationId, type OperationId } from '../contract/operations';
import { swaggerOperations, type SwaggerDocument } from '../contract/swagger';

/** A matched route: the operation and its path parameters. */
export interface RouteMatch {
  operationId: OperationId;
  params: Record<string, string>;
}

interface Route {
  method: string;
  operationId: OperationId;
  segments: { literal?: string; param?: string }[];
}

/** Why nothing matched: no such path at all, or the path exists with other methods. */
export type RouteMiss = { kind: 'notFound' } | { kind: 'methodNotAllowed'; allowed: string[] };

/**
 * Matches request paths against the swagger path templates. Literal segments match
 * case-insensitively (the service accepts `generatetoken` and `GenerateToken` alike).
 */
export class Router {
  private readonly routes: Route[];

  constructor(document: SwaggerDocument) {
    this.routes = swaggerOperations(document).map(({ path, method, operation }) => {
      if (!isOperationId(operation.operationId)) throw new Error(`Operation ${operation.operationId} is not in operations.ts`);
      const segments = path
        .split('/')
        .filter(Boolean)
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment)?.[1];
          return param ? { param } : { literal: segment.toLowerCase() };
        });
      return { method, operationId: operation.operationId, segments };
    });
  }

  /** The operation for a method and path, or why there is none. */
  match(method: string, pathname: string): RouteMatch | RouteMiss {
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = this.matchSegments(route, parts);
      if (!params) continue;
      if (route.method === method) return { operationId: route.operationId, params };
      allowed.push(route.method);
    }
    return allowed.length ? { kind: 'methodNotAllowed', allowed } : { kind: 'notFound' };
  }

  private matchSegments(route: Route, parts: string[]): Record<string, string> | undefined {
    if (route.segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (const [index, segment] of route.segments.entries()) {
      const part = parts[index] ?? '';
      if (segment.param) params[segment.param] = part;
      else if (segment.literal !== part.toLowerCase()) return undefined;
    }
    return params;
  }
}
