/**
 * The baseline of bench/bot-throughput.ts: the least a Bot Framework bot can be, in its own
 * process. restify, a CloudAdapter without credentials (no token checks, as the app in local
 * mode) and an ActivityHandler that sends the text back — no store, no logging, no app code.
 *
 *   node --import tsx bench/support/bare-echo-bot.ts   (PORT, default 0: any free port)
 *
 * It prints one JSON line `{"msg":"server listening","url":…}` as the app's server does, so the
 * bench waits on both the same way.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

class BareEchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(context.activity.text ?? '');
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new BareEchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (request, response) => {
  await adapter.process(request, response, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ msg: 'server listening', url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
