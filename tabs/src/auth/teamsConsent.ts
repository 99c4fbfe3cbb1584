import type { AuthConfig } from '@planboard/contracts';

/** What the consent needs of `@microsoft/teamsfx`'s `TeamsUserCredential`. */
export interface ConsentCredential {
  login(scopes: string | string[]): Promise<void>;
}

/** `TeamsUserCredential`'s settings: the app's client id and the page its popup starts at. */
export interface ConsentCredentialConfig {
  clientId: string;
  initiateLoginEndpoint: string;
}

export type CredentialFactory = (config: ConsentCredentialConfig) => Promise<ConsentCredential>;

/** The real SDK, loaded only when a consent is needed (inside Teams; it brings msal-browser along). */
export const teamsfxCredential: CredentialFactory = async (config) => {
  const { TeamsUserCredential } = await import('@microsoft/teamsfx');
  return new TeamsUserCredential(config);
};

/** The page `TeamsUserCredential.login()` opens in Teams' popup (`?clientId&scope&loginHint`): tabs/consent-start.html. */
export const consentStartUrl = (appBase: string): string => new URL('consent-start.html', appBase).href;

/**
 * Teams' consent popup for a 403 `ConsentRequired`: `TeamsUserCredential.login(scopes)` opens
 * consent-start.html in a Teams authentication window, which sends the user to the authorization
 * endpoint with `prompt=consent` for the scopes; consent-end.html reports back. One popup at a
 * time; resolves true once the user consented, false when they closed it or it failed.
 */
export class TeamsConsent {
  private pending: Promise<boolean> | null = null;

  constructor(
    private readonly loadConfig: () => Promise<AuthConfig>,
    private readonly appBase: () => string = () => new URL('./', window.location.href).href,
    private readonly credential: CredentialFactory = teamsfxCredential,
  ) {}

  consent(scopes: string[]): Promise<boolean> {
    this.pending ??= this.ask(scopes).finally(() => (this.pending = null));
    return this.pending;
  }

  private async ask(scopes: string[]): Promise<boolean> {
    try {
      const { clientId } = await this.loadConfig();
      const credential = await this.credential({ clientId, initiateLoginEndpoint: consentStartUrl(this.appBase()) });
      await credential.login(scopes);
      return true;
    } catch (error) {
      console.warn('Consent was not given:', error instanceof Error ? error.message : error);
      return false;
    }
  }
}
