#!/usr/bin/env node
// Stages a self-contained Azure Functions package for a workspace app, for `azureFunctions/zipDeploy`
// (teamsapp.yml, deploy). In this npm-workspaces monorepo an app's dependencies are hoisted to the
// root and `@planboard/*` packages are symlinks, so zipping `api/` alone would not run in Azure.
//
//   node infra/scripts/stage-function.js api bot       -> infra/dist/functions/{api,bot}
//
// Each package holds: dist/ (the app's build output), host.json (the app's, or a default with the
// extension bundle), package.json (same `main`, workspace packages as `file:` dependencies on copies
// under vendor/), and production node_modules installed with `--install-links` (copies, not links).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const DEFAULT_HOST_JSON = {
  version: '2.0',
  logging: { applicationInsights: { samplingSettings: { isEnabled: true, excludedTypes: 'Request' } } },
  extensionBundle: { id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' },
};

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) => fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** Package name -> folder, for every workspace listed in the root package.json. */
function workspacePackages(root) {
  const map = new Map();
  for (const ws of readJson(path.join(root, 'package.json')).workspaces ?? []) {
    const file = path.join(root, ws, 'package.json');
    if (fs.existsSync(file)) map.set(readJson(file).name, path.join(root, ws));
  }
  return map;
}

/** Package names required from the .js files under `dir` (`require("x")` / `require("@s/x/y")`). */
function requiredPackages(dir) {
  const names = new Set();
  if (!fs.existsSync(dir)) return names;
  for (const entry of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(entry));
    if (!file.endsWith('.js') || !fs.statSync(file).isFile()) continue;
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/require\(["']([^"'.][^"']*)["']\)/g)) {
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return names;
}

/** Workspace packages `dir` uses directly: declared dependencies plus those its dist/ requires. */
function directWorkspaceDeps(dir, workspaces) {
  const pkg = readJson(path.join(dir, 'package.json'));
  const wanted = new Set([...Object.keys(pkg.dependencies ?? {}), ...requiredPackages(path.join(dir, 'dist'))]);
  return [...wanted].filter((name) => workspaces.has(name) && workspaces.get(name) !== dir).sort();
}

/** All workspace packages `dir` needs, transitively. */
function workspaceClosure(dir, workspaces, found = new Set()) {
  for (const name of directWorkspaceDeps(dir, workspaces)) {
    if (found.has(name)) continue;
    found.add(name);
    workspaceClosure(workspaces.get(name), workspaces, found);
  }
  return found;
}

const slug = (name) => name.replace(/^@/, '').replace(/\//g, '-');

/** `dependencies` of a staged package: its own, with workspace packages as `file:` links to vendor/. */
function stagedDependencies(dir, workspaces, prefix) {
  const deps = { ...(readJson(path.join(dir, 'package.json')).dependencies ?? {}) };
  for (const name of directWorkspaceDeps(dir, workspaces)) deps[name] = `file:${prefix}${slug(name)}`;
  return deps;
}

function stageFunction(root, app, { install = true, outRoot = path.join(root, 'infra', 'dist', 'functions') } = {}) {
  const appDir = path.join(root, app);
  const pkg = readJson(path.join(appDir, 'package.json'));
  if (!fs.existsSync(path.join(appDir, 'dist'))) throw new Error(`${app}/dist is missing: run "npm run build" first.`);
  const out = path.join(outRoot, app);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.cpSync(path.join(appDir, 'dist'), path.join(out, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.tsbuildinfo') });
  const hostJson = path.join(appDir, 'host.json');
  if (fs.existsSync(hostJson)) fs.copyFileSync(hostJson, path.join(out, 'host.json'));
  else writeJson(path.join(out, 'host.json'), DEFAULT_HOST_JSON);

  const workspaces = workspacePackages(root);
  const vendored = [...workspaceClosure(appDir, workspaces)].sort();
  for (const name of vendored) {
    const wsDir = workspaces.get(name);
    const wsPkg = readJson(path.join(wsDir, 'package.json'));
    const target = path.join(out, 'vendor', slug(name));
    fs.cpSync(path.join(wsDir, 'dist'), path.join(target, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.tsbuildinfo') });
    const meta = { ...wsPkg, dependencies: stagedDependencies(wsDir, workspaces, '../') };
    delete meta.devDependencies;
    delete meta.scripts;
    writeJson(path.join(target, 'package.json'), meta);
  }
  writeJson(path.join(out, 'package.json'), {
    name: pkg.name,
    version: pkg.version,
    private: true,
    main: pkg.main,
    dependencies: stagedDependencies(appDir, workspaces, './vendor/'),
  });
  if (install) {
    const args = ['install', '--omit=dev', '--install-links', '--no-audit', '--no-fund', '--no-package-lock'];
    execFileSync('npm', args, { cwd: out, stdio: 'inherit', shell: process.platform === 'win32' });
  }
  return { out, vendored };
}

module.exports = { stageFunction, workspacePackages, workspaceClosure, requiredPackages, DEFAULT_HOST_JSON };

if (require.main === module) {
  const apps = process.argv.slice(2);
  if (apps.length === 0) {
    console.error('usage: node infra/scripts/stage-function.js <app> [<app> ...]   (e.g. api bot)');
    process.exit(2);
  }
  const root = path.resolve(__dirname, '..', '..');
  for (const app of apps) {
    const { out, vendored } = stageFunction(root, app);
    console.log(`Staged ${app} -> ${path.relative(root, out)}${vendored.length ? ` (vendored ${vendored.join(', ')})` : ''}`);
  }
}
