import { app } from '@azure/functions';
import type { Me } from '@planboard/contracts';
import { authedRoute } from '../http/authed';
import { json } from '../http/respond';
import { getServices } from '../services';

/** Who am I and what may I do: the tab shows only the pages and actions this allows. */
app.http('me', {
  route: 'me',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: authedRoute(async (_request, _context, access) => {
    const { caller } = access;
    await getServices().directory.rememberCaller(caller);
    const body: Me = {
      user: { tid: caller.tid, oid: caller.oid, name: caller.name, upn: caller.upn },
      appRoles: [...caller.appRoles],
      isAdmin: caller.isAdmin,
      scopes: access.scopes.map(({ id, type, name, parentId, level }) => ({ id, type, name, level, ...(parentId ? { parentId } : {}) })),
    };
    return json(body);
  }),
});
