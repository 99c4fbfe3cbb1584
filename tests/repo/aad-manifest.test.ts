import { microsoftHostClientIds } from '../../api/src/auth/microsoft-hosts';
import { readRepoFile } from './support/files';

interface AadManifest {
  appId: string;
  accessTokenAcceptedVersion: number;
  signInAudience: string;
  identifierUris: string[];
  oauth2Permissions: { id: string; value: string; type: string; isEnabled: boolean }[];
  preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
  appRoles: { id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }[];
  replyUrlsWithType: { url: string; type: string }[];
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
}

const aad = JSON.parse(readRepoFile('aad.manifest.json')) as AadManifest;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Teams and Microsoft 365 / Outlook clients that may request SSO tokens (as in Toolkit templates). */
const M365_CLIENTS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop and mobile
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
  '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
  '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
  '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
];

describe('aad.manifest.json', () => {
  it('issues v2 access tokens for the api://<tab domain>/<client id> audience, single tenant', () => {
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
  });

  it('exposes access_as_user and pre-authorises the Teams and Microsoft 365 clients for it', () => {
    expect(aad.oauth2Permissions).toEqual([
      expect.objectContaining({ id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}', value: 'access_as_user', type: 'User', isEnabled: true }),
    ]);
    const authorised = aad.preAuthorizedApplications.map((app) => app.appId);
    expect(authorised).toEqual(expect.arrayContaining(M365_CLIENTS));
    expect(new Set(authorised).size).toBe(authorised.length);
    for (const app of aad.preAuthorizedApplications) expect(app.permissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
  });

  it('pre-authorises exactly the host clients whose tokens the API accepts (azp/appid allow-list)', () => {
    const authorised = aad.preAuthorizedApplications.map((app) => app.appId);
    expect([...authorised].sort()).toEqual([...microsoftHostClientIds].sort());
  });

  it('defines the Admin app role with a fixed GUID', () => {
    expect(aad.appRoles).toEqual([expect.objectContaining({ value: 'Admin', allowedMemberTypes: ['User'], isEnabled: true })]);
    expect(aad.appRoles[0]?.id).toMatch(GUID);
  });

  it("redirects to the tab auth-end page, and to consent-end (Teams' consent popup) as SPA", () => {
    expect(aad.replyUrlsWithType).toEqual(
      expect.arrayContaining([
        { url: '${{TAB_ENDPOINT}}/auth-end.html', type: 'Web' },
        { url: '${{TAB_ENDPOINT}}/auth-end.html?clientId=${{AAD_APP_CLIENT_ID}}', type: 'Spa' },
        { url: '${{TAB_ENDPOINT}}/consent-end.html', type: 'Spa' },
      ]),
    );
  });

  it('requests Graph User.Read and delegated Power BI scopes', () => {
    const byResource = new Map(aad.requiredResourceAccess.map((r) => [r.resourceAppId, r.resourceAccess]));
    expect(byResource.get('Microsoft Graph')).toEqual([{ id: 'User.Read', type: 'Scope' }]);
    const powerBi = byResource.get('00000009-0000-0000-c000-000000000000') ?? [];
    expect(powerBi.length).toBeGreaterThan(0);
    for (const scope of powerBi) {
      expect(scope.id).toMatch(GUID);
      expect(scope.type).toBe('Scope');
    }
  });

  it('asks for the upn claim in access tokens (guests: preferred_username is not their UPN, and Power BI RLS needs it)', () => {
    const claims = (aad as unknown as { optionalClaims: { accessToken: { name: string; additionalProperties: string[] }[] } })
      .optionalClaims;
    const upn = claims.accessToken.find((claim) => claim.name === 'upn');
    expect(upn?.additionalProperties).toContain('include_externally_authenticated_upn');
  });
});
