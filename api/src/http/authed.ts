import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { effectiveScopes } from '@planboard/server';
import { Access } from '../access/guard';
import { getServices } from '../services';
import { route } from './route';

export type AuthedHandler = (request: HttpRequest, context: InvocationContext, access: Access) => Promise<HttpResponseInit>;

/** Resolves the caller's grants into an Access guard (two storage reads, no caching across requests). */
export async function accessFor(request: HttpRequest): Promise<Access> {
  const { validateToken, directory } = getServices();
  const caller = await validateToken(request.headers.get('authorization'));
  const [grants, scopes] = await Promise.all([directory.grantsOf(caller), directory.listScopes()]);
  return new Access(caller, effectiveScopes(grants, scopes, caller.isAdmin));
}

/**
 * A route that requires a valid bearer token. The handler receives the caller's Access guard and
 * must ask it before touching any scope's data; errors go through the central mapping.
 */
export function authedRoute(handler: AuthedHandler): HttpHandler {
  return route(async (request, context) => handler(request, context, await accessFor(request)));
}
