#!/usr/bin/env node
// Publishes a staged Function App package (infra/scripts/stage-function.js) to a Flex Consumption
// app. Flex Consumption has no Kudu `/api/zipdeploy` (what Toolkit's `azureFunctions/zipDeploy`
// action posts to); it takes packages through OneDeploy (`/api/publish`), which
// `az functionapp deployment source config-zip` uses for Flex apps. So teamsapp.yml calls this
// script instead, with the Azure CLI signed in (`az login`) to the subscription of the app.
//
//   node infra/scripts/deploy-function.js <app> <resource group> <function app name> [<subscription>]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const archiver = require('archiver');

/** Zips `folder` (its contents at the archive root, as the Functions host expects) into `file`. */
function zipFolder(folder, file) {
  return new Promise((resolve, reject) => {
    const output = fs.createWriteStream(file);
    const archive = archiver('zip', { zlib: { level: 9 } });
    output.on('close', () => resolve(archive.pointer()));
    archive.on('error', reject);
    archive.pipe(output);
    archive.directory(folder, false);
    void archive.finalize();
  });
}

/** The `az` arguments that publish `zip` to the app (kept apart so a test can check them). */
function publishArgs({ resourceGroup, name, zip, subscription }) {
  return [
    'functionapp',
    'deployment',
    'source',
    'config-zip',
    '--resource-group',
    resourceGroup,
    '--name',
    name,
    '--src',
    zip,
    ...(subscription ? ['--subscription', subscription] : []),
  ];
}

async function deployFunction(root, app, target) {
  const folder = path.join(root, 'infra', 'dist', 'functions', app);
  if (!fs.existsSync(path.join(folder, 'host.json'))) {
    throw new Error(`${path.relative(root, folder)} is not staged: run "node infra/scripts/stage-function.js ${app}" first.`);
  }
  const zip = `${folder}.zip`;
  const bytes = await zipFolder(folder, zip);
  console.log(`Packed ${app}: ${(bytes / 1024 / 1024).toFixed(1)} MB -> ${path.relative(root, zip)}`);
  execFileSync('az', publishArgs({ ...target, zip }), { stdio: 'inherit', shell: process.platform === 'win32' });
}

module.exports = { zipFolder, publishArgs, deployFunction };

if (require.main === module) {
  const [app, resourceGroup, name, subscription] = process.argv.slice(2);
  if (!app || !resourceGroup || !name) {
    console.error('usage: node infra/scripts/deploy-function.js <app> <resource group> <function app name> [<subscription>]');
    process.exit(2);
  }
  deployFunction(path.resolve(__dirname, '..', '..'), app, { resourceGroup, name, subscription }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
