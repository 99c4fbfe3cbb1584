/** consent-end.html: the consent popup's redirect URI; tells Teams (and so TeamsUserCredential.login()) how it went. */
import { app, authentication } from '@microsoft/teams-js';
import { consentOutcome, consentSuccessResult } from '../auth/consentPages';

void (async () => {
  const outcome = consentOutcome(window.location.search);
  await app.initialize();
  if (outcome.ok) authentication.notifySuccess(consentSuccessResult);
  else authentication.notifyFailure(outcome.reason);
})();
