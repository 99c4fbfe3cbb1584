import type { Caller, PrincipalCaller } from '../auth/caller';
import type { EmbedTokenIssuer } from '../auth/embed-token';
import type { OperationId } from '../contract/operations';
import { datasetIn, principalOf, requireWorkspace } from '../model/access';
import type { EmulatorState } from '../model/state';
import type { DatasetState, WorkspaceState } from '../model/types';
import type { LinkBase } from '../model/views';
import type { RefreshEngine } from '../refresh/engine';
import type { Throttle } from '../throttle/throttle';

/** Behaviour switches that differ from the documented service only when a test asks for it. */
export interface Behaviour {
  /** Let service principals query RLS datasets with `impersonatedUserName` (the service refuses; NOTES §5). */
  allowServicePrincipalRls: boolean;
}

/** What handlers work with. */
export interface Services {
  state: EmulatorState;
  engine: RefreshEngine;
  embedTokens: EmbedTokenIssuer;
  throttle: Throttle;
  behaviour: Behaviour;
  embedOrigin: string;
}

/** One API request, authenticated and validated against the contract. */
export interface HandlerContext {
  services: Services;
  operationId: OperationId;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  caller: Caller;
  requestId: string;
  links: LinkBase;
}

/** A handler's answer; the server adds `RequestId` and validates it against the contract in test mode. */
export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Handles one operation. */
export type Handler = (context: HandlerContext) => Promise<ApiResponse> | ApiResponse;

/** 200 with a JSON body (or none). */
export function ok(body?: unknown): ApiResponse {
  return body === undefined ? { status: 200 } : { status: 200, body };
}

/** The caller as a signed-in principal (embed tokens only reach executeQueries). */
export function principal(context: HandlerContext): PrincipalCaller {
  return principalOf(context.caller);
}

/**
 * The workspace a route addresses: `groups/{groupId}` (membership checked), or the caller's
 * "My workspace" for the routes without a group.
 */
export function workspaceOf(context: HandlerContext, access: 'read' | 'write'): WorkspaceState {
  const caller = principal(context);
  const groupId = context.params.groupId;
  return groupId ? requireWorkspace(context.services.state, caller, groupId, access) : context.services.state.myWorkspace(caller.id);
}

/** The dataset a route addresses, in its workspace. */
export function datasetOf(context: HandlerContext, access: 'read' | 'write'): { workspace: WorkspaceState; dataset: DatasetState } {
  const workspace = workspaceOf(context, access);
  return { workspace, dataset: datasetIn(context.services.state, workspace, context.params.datasetId ?? '') };
}

/** The emulator clock's now. */
export function now(context: HandlerContext): number {
  return context.services.state.clock.now();
}
