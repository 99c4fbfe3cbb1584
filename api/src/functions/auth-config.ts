import { app } from '@azure/functions';
import type { AuthConfig } from '@planboard/contracts';
import { config } from '../config';
import { json } from '../http/respond';
import { route } from '../http/route';

const settings = config();

/**
 * Anonymous by design: the tab needs these public values before anyone is signed in. It reveals
 * no data, only where to sign in (the same values a public SPA ships in its bundle).
 */
app.http('authConfig', {
  route: 'auth/config',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: route(async () => {
    const authority = settings.AUTH_PUBLIC_AUTHORITY.replace(/\/$/, '');
    const body: AuthConfig = {
      authority,
      authorizationEndpoint: `${authority}/oauth2/v2.0/authorize`,
      tokenEndpoint: `${authority}/oauth2/v2.0/token`,
      endSessionEndpoint: `${authority}/oauth2/v2.0/logout`,
      clientId: settings.AUTH_TAB_CLIENT_ID,
      scopes: [`api://${settings.AUTH_TAB_DOMAIN}/${settings.AUTH_CLIENT_ID}/access_as_user`, 'openid', 'profile', 'offline_access'],
    };
    return json(body, 200, { 'Cache-Control': 'public, max-age=300' });
  }),
});
