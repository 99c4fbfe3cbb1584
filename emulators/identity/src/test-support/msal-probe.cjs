// Runs in a child process started with NODE_EXTRA_CA_CERTS (Node only reads it at start-up).
// Usage: node msal-probe.cjs <msal-node entry> <authority> <clientId> <clientSecret> <user assertion>
// Prints {"cc": token, "obo": token, "oboScopes": [...]} or exits 1 with the error.
const [msalPath, authority, clientId, clientSecret, assertion] = process.argv.slice(2);
const { URL } = require('node:url');
const { ConfidentialClientApplication } = require(msalPath);

async function main() {
  const app = new ConfidentialClientApplication({
    auth: { clientId, clientSecret, authority, knownAuthorities: [new URL(authority).host] },
  });
  const scopes = ['https://analysis.windows.net/powerbi/api/.default'];
  const cc = await app.acquireTokenByClientCredential({ scopes });
  const obo = await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes });
  // A second OBO call for the same assertion is answered from msal's cache.
  const cached = await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes });
  console.log(
    JSON.stringify({ cc: cc.accessToken, obo: obo.accessToken, oboScopes: obo.scopes, cachedSame: cached.accessToken === obo.accessToken }),
  );
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
