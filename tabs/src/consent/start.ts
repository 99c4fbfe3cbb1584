/** consent-start.html: Teams' consent popup starts here (see ../auth/consentPages.ts). */
import { setApiBaseUrl } from '../api/client';
import { consentAuthorizeUrl } from '../auth/consentPages';
import { fetchAuthConfig } from '../auth/oidc';

setApiBaseUrl(import.meta.env.VITE_API_BASE_URL);

void (async () => {
  try {
    window.location.replace(await consentAuthorizeUrl(await fetchAuthConfig(), window.location.search, window.location.href));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    document.body.textContent = `Planboard could not ask for your permission: ${reason}`;
    const { app, authentication } = await import('@microsoft/teams-js');
    await app.initialize();
    authentication.notifyFailure(reason);
  }
})();
