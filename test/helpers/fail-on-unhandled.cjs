// Preloaded (`node --require`) into server and agent processes by the fault tests: any unhandled
// rejection prints one marker line and ends the process with 70, so a test sees it whatever the
// rejection's reason looks like (Node prints an Error's stack without saying it was unhandled).
'use strict';
/* global process */
process.on('unhandledRejection', (reason) => {
  const text = reason instanceof Error ? reason.stack : String(reason);
  process.stderr.write(`IOMS-TEST-UNHANDLED-REJECTION ${text}\n`);
  process.exit(70);
});
process.on('uncaughtExceptionMonitor', (err, origin) => {
  process.stderr.write(`IOMS-TEST-UNCAUGHT-EXCEPTION (${origin}) ${err instanceof Error ? err.stack : String(err)}\n`);
});
