/**
 * consent-end.html: the redirect URI of a consent request. In a browser it returns to the page the
 * consent started from; in Teams' popup it tells Teams (and so TeamsUserCredential.login()) how it went.
 */
import { browserConsentReturn, consentOutcome, consentSuccessResult } from '../auth/consentPages';
import { defaultStore } from '../auth/storage';

void (async () => {
  const back = browserConsentReturn(defaultStore(), window.location.search, window.location.href);
  if (back) {
    window.location.replace(back);
    return;
  }
  const outcome = consentOutcome(window.location.search);
  const { app, authentication } = await import('@microsoft/teams-js');
  await app.initialize();
  if (outcome.ok) authentication.notifySuccess(consentSuccessResult);
  else authentication.notifyFailure(outcome.reason);
})();
