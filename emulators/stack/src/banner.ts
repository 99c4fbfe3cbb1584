import { sampleUsers, type SampleRole } from '@planboard/server';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { reportsBrowserCommand } from './powerbi';
import type { RunningStack } from './stack';

const roleLabel: Record<SampleRole, string> = {
  leader: 'BU leader (approve)',
  contributor: 'contributor (edit)',
  manager: 'manager (read)',
  admin: 'admin',
  'store-leader': 'store leader (edit)',
};

/** The text `npm start` prints once everything is up: where to go and who to sign in as. */
export function banner(stack: RunningStack): string {
  const users = sampleUsers.map((user) => {
    // A store leader's one store is their whole scope; everyone else is listed by business unit.
    const own = user.role === 'store-leader' ? user.grants : user.grants.filter((grant) => !grant.scopeId.startsWith('store-'));
    const scopes = own.filter((grant) => !grant.scopeId.startsWith('dept-'));
    const where = user.role === 'admin' ? 'all business units' : scopes.map((grant) => grant.scopeId).join(', ');
    return `    ${user.name.padEnd(16)} ${user.upn.padEnd(40)} ${roleLabel[user.role].padEnd(20)} ${where}`;
  });
  const seeded = stack.seed
    ? Object.entries(stack.seed.inserted)
        .map(([table, count]) => `${table} +${count}`)
        .join(', ')
    : 'skipped';
  return [
    '',
    'Planboard is running.',
    '',
    `  Open the tab:        ${stack.urls.tab}`,
    `  API:                 ${stack.urls.api}/api/health  (storage: ${stack.urls.api}/api/health/storage)`,
    `  Bot endpoint:        ${stack.urls.bot}/api/messages`,
    `  Agents Playground:   ${stack.urls.playground}  (chat with the bot as Alex Morgan, admin: type help, then subscribe)`,
    `  Azurite (table):     ${stack.urls.storageTable}`,
    `  Identity provider:   ${stack.urls.identity}  (browser: ${stack.urls.identityBrowser})`,
    `  Power BI emulator:   ${stack.urls.powerbi}/v1.0/myorg  (control: ${stack.urls.powerbi}/_emulator/)`,
    `  Graph (OneDrive):    ${stack.urls.graph}/v1.0  (SDK: https://localhost:${stack.ports.graphHttps}/v1.0; weekly store sales; control: ${stack.urls.graph}/_emulator/)`,
    `  Dataverse:           ${stack.urls.dataverse}/api/data/v9.2/pb_stores  (store master; control: ${stack.urls.dataverse}/_emulator/)`,
    `  Sample tenant seed:  ${seeded}`,
    '',
    `  Reports embed from ${stack.urls.powerbiEmbed}; open the tab for them in Chromium/Chrome/Edge with:`,
    `    ${reportsBrowserCommand(stack.urls.tab, readFileSync(join(dirname(stack.caCertPath), 'powerbi.pem'), 'utf8'))}`,
    '',
    "  Sample users (sign-in by picking one on the tab's sign-in screen):",
    ...users,
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ].join('\n');
}
