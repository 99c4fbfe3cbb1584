import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { IdentitySettings } from '../config/settings';
import { errorPage, signInPage } from './pages';
import { readObject, sendHtml } from './util';

/**
 * Handles `/interaction/:uid[/login|/abort]`: the account picker oidc-provider redirects to when
 * a user must sign in (first visit, `prompt=login`, after logout).
 */
export async function handleInteraction(
  provider: Provider,
  settings: IdentitySettings,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const [, , uid, action] = path.split('/');
  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(res, 400, errorPage('Your sign-in session expired', 'Go back to the application and sign in again.'));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(
      res,
      400,
      errorPage('Sign-in request mismatch', 'This page belongs to another sign-in request. Start again from the application.'),
    );
    return;
  }
  if (req.method === 'GET' && !action) {
    if (details.prompt.name === 'login') {
      const clientId = String(details.params.client_id ?? '');
      const clientName = settings.clients.find((client) => client.clientId === clientId)?.name ?? clientId;
      const loginHint = typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined;
      // A hint naming an account of the directory signs that account in at once: there is no
      // password to type here, and the app's own sample-account list already was the picker (one
      // picker, not two). Without a hint (or with an unknown one) the provider shows its picker.
      const hinted = loginHint ? settings.directory.find(loginHint) : undefined;
      if (hinted) {
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: hinted.oid, amr: ['pwd'], acr: '1' } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      sendHtml(res, 200, signInPage({ uid: details.uid, clientName, users: settings.directory.users, loginHint }));
      return;
    }
    // Consent is implied (admin-consented apps); loadExistingGrant normally settles it before we get here.
    // An explicit `prompt=consent` is the user consenting, as on Entra's consent screen: their
    // on-behalf-of requests succeed from now on (until consent is withheld again).
    const prompts = String(details.params.prompt ?? '').split(' ');
    const consenting = prompts.includes('consent') ? settings.directory.find(String(details.session?.accountId ?? '')) : undefined;
    if (consenting) settings.consent.set(consenting.upn, true);
    const grant = new provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const body = await readObject(req);
    const user = settings.directory.find(String(body.oid ?? body.upn ?? ''));
    if (!user) {
      sendHtml(res, 400, errorPage('Unknown account', 'Pick one of the listed accounts.'));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.oid, amr: ['pwd'], acr: '1' } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (req.method === 'POST' && action === 'abort') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'AADSTS50126: The user canceled the sign-in.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  sendHtml(res, 404, errorPage('Not found', `${req.method ?? ''} ${path}`));
}
