// Timer functions: a configurable schedule (%TICK_SCHEDULE% app setting) and a runOnStartup timer.
const { app } = require('@azure/functions');

app.timer('tick', {
  schedule: '%TICK_SCHEDULE%',
  handler: async (timer, context) => {
    context.log(`TICK ${JSON.stringify({ pid: process.pid, timer, invocationId: context.invocationId })}`);
  },
});

app.timer('startup', {
  schedule: '0 0 0 1 1 *',
  runOnStartup: true,
  handler: async (timer, context) => {
    context.log(`STARTUP ${JSON.stringify({ pid: process.pid, timer })}`);
  },
});
