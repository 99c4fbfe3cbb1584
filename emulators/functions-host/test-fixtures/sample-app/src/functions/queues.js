// Queue-triggered function: logs each message with its trigger metadata; {"fail": true} always throws.
const { app } = require('@azure/functions');

app.storageQueue('work', {
  queueName: '%WORK_QUEUE%',
  connection: 'AzureWebJobsStorage',
  handler: async (message, context) => {
    const meta = context.triggerMetadata;
    context.log(
      `QUEUE ${JSON.stringify({
        pid: process.pid,
        message,
        type: typeof message,
        id: meta.id,
        dequeueCount: meta.dequeueCount,
        insertionTime: meta.insertionTime,
        expirationTime: meta.expirationTime,
        nextVisibleTime: meta.nextVisibleTime,
        popReceipt: meta.popReceipt,
      })}`,
    );
    if (message && message.fail) throw new Error(`failing on purpose (dequeueCount ${meta.dequeueCount})`);
  },
});
