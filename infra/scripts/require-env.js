#!/usr/bin/env node
// Fails `provision` before anything is created when a value only the administrator can supply is
// missing: Power BI workspace and item ids (GUIDs) in env/.env.<env> (teamsapp.yml runs it first).
//
//   node infra/scripts/require-env.js BUDGET_WORKSPACE_ID BUDGET_DATASET_ID ...
'use strict';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The names whose values are missing or not GUIDs, each with the reason. */
function problems(names, env) {
  return names.flatMap((name) => {
    const value = (env[name] ?? '').trim();
    if (!value) return [`${name} is empty`];
    return guid.test(value) ? [] : [`${name} is not a GUID ("${value.slice(0, 40)}")`];
  });
}

if (require.main === module) {
  const found = problems(process.argv.slice(2), process.env);
  if (found.length) {
    console.error(`Set these in env/.env.${process.env.TEAMSFX_ENV ?? '<env>'} before provisioning:\n  ${found.join('\n  ')}`);
    console.error('They are the GUIDs in the item URLs: app.powerbi.com/groups/<workspace id>/datasets|reports/<item id>.');
    process.exit(1);
  }
}

module.exports = { problems };
