#!/usr/bin/env node
/**
 * Adds lockfile entries for native packages of *other* platforms (darwin, win32, …) that a parent
 * lists in `optionalDependencies` but that npm could not record, because the registry this
 * workplace reaches does not serve them. Without the entries `npm ci` refuses the lockfile
 * ("Missing: @swc/core-darwin-arm64@ from lock file"); with them it skips them as not for this
 * platform, exactly as it would on a full registry. Run after `npm install`: node .ci/lock-foreign-platforms.js
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const file = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const osNames = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix'];
const cpuNames = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!entry.optionalDependencies || !path.startsWith('node_modules/')) continue;
  for (const [name, version] of Object.entries(entry.optionalDependencies)) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/node_modules/${name}`]) continue;
    const parts = name.split(/[-/]/);
    const os = osNames.find((candidate) => parts.includes(candidate));
    const cpu = cpuNames.find((candidate) => parts.includes(candidate));
    if (!os) continue; // not a platform package: leave it to npm
    // Keys in the order npm itself writes them, so that a later `npm install` leaves the lockfile as it is.
    lock.packages[key] = { version, ...(cpu ? { cpu: [cpu] } : {}), ...(entry.dev ? { dev: true } : {}), optional: true, os: [os] };
    added += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: ${added} foreign-platform entries added`);
