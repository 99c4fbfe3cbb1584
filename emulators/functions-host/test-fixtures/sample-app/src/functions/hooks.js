// Hooks as the worker runs them: appStart, preInvocation (wraps a handler), appTerminate.
const { app } = require('@azure/functions');

app.hook.appStart(() => {
  globalThis.fixtureAppStarted = true;
});

app.hook.preInvocation((context) => {
  if (context.invocationContext.functionName !== 'hello') return;
  const original = context.functionHandler;
  context.functionHandler = async (...args) => {
    const response = await original(...args);
    return { ...response, headers: { ...(response.headers ?? {}), 'x-hooked': 'pre-invocation' } };
  };
});

app.hook.appTerminate(() => {
  console.log('APP_TERMINATE hook ran');
});
