#!/usr/bin/env node
// Grants (or, without the rights, explains how to grant) tenant-wide admin consent to the Entra
// app's delegated permissions: Microsoft Graph User.Read and the Power BI scopes Dataset.Read.All,
// Report.Read.All and Workspace.Read.All. Budget actuals call Power BI on behalf of the user; without
// consent Entra answers AADSTS65001 (consent_required) and the API answers 403 ConsentRequired, which
// the tab turns into Teams' consent popup for that one user. Admin consent spares every user that.
//
//   node infra/scripts/admin-consent.js <tenant id> <client id> [--grant]
//
// With --grant it runs `az ad app permission admin-consent` (needs a Privileged Role Administrator,
// Cloud Application Administrator or Application Administrator signed in to the Azure CLI); it
// never fails provisioning: it prints the consent URL an administrator can open instead.
'use strict';

const { execFileSync } = require('node:child_process');

/** The admin consent URL of the Microsoft identity platform for this app. */
function adminConsentUrl(tenantId, clientId) {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}

if (require.main === module) {
  const [tenantId, clientId, flag] = process.argv.slice(2);
  if (!tenantId || !clientId) {
    console.error('usage: node infra/scripts/admin-consent.js <tenant id> <client id> [--grant]');
    process.exit(2);
  }
  let granted = false;
  if (flag === '--grant') {
    try {
      execFileSync('az', ['ad', 'app', 'permission', 'admin-consent', '--id', clientId], {
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
      granted = true;
      console.log('Admin consent granted for Microsoft Graph User.Read and the Power BI delegated scopes.');
    } catch {
      console.warn('Could not grant admin consent with the Azure CLI (not signed in, or not an administrator).');
    }
  }
  if (!granted) {
    console.log('Power BI on behalf of users needs consent. A tenant administrator grants it once by opening:');
    console.log(`  ${adminConsentUrl(tenantId, clientId)}`);
    console.log('(Until then each user is asked for consent in Teams the first time actuals are loaded.)');
  }
}

module.exports = { adminConsentUrl };
