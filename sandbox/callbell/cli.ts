import { startSandbox } from './server';

const DEFAULT_PORT = 4010;

/** `--port N` on the command line, else SANDBOX_PORT, else 4010. */
export function chosenPort(argv: string[], env: NodeJS.ProcessEnv): number {
  const flag = argv.indexOf('--port');
  const text = flag >= 0 ? argv[flag + 1] : env.SANDBOX_PORT;
  const port = Number(text ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`"${text}" is no port: give a number from 1 to 65535, e.g. --port 4011.`);
  }
  return port;
}

/** What to do when the sandbox cannot start, in one line instead of a stack trace. */
export function startFailure(error: unknown, port: number): string {
  // Node's own errors may come from another realm (jest's), so no `instanceof`.
  const { code, message } =
    typeof error === 'object' && error !== null
      ? (error as { code?: unknown; message?: unknown })
      : {};
  if (code === 'EADDRINUSE') {
    return `Port ${port} is taken (another sandbox?): stop it, or run \`npm run sandbox -- --port ${port + 1}\` and use that port in CALLBELL_API_URL.`;
  }
  return `The sandbox could not start on port ${port}: ${String(message ?? error)}`;
}

/** `npm run sandbox`: the sandbox alone, for trying `zapier invoke` by hand. */
async function main() {
  const port = chosenPort(process.argv.slice(2), process.env);
  const sandbox = await startSandbox({
    port,
    rateLimit: Number(process.env.SANDBOX_RATE_LIMIT ?? 300),
    connectionCheckMs: 60_000,
  }).catch((error: unknown) => {
    console.error(startFailure(error, port));
    process.exit(1);
  });
  console.log(`Callbell sandbox listening on ${sandbox.apiUrl}

Point the app at it and invoke operations (in another terminal):
  printf 'authData_api_key=${sandbox.apiKey}\\nCALLBELL_API_URL=${sandbox.apiUrl}\\n' > .env
  npm run build && npm run zapier -- invoke auth test
  npm run zapier -- invoke create send_template_message -i '{"to":"+31612345678","template_uuid":"d980fb66fd5043d3bce1aa06ba044342","template_value_1":"John","template_value_2":"#1001","optin_contact":true}'

Play the customer, the WhatsApp provider and a collaborator:
  curl -s -X POST ${sandbox.origin}/_sandbox/customer-message -d '{"phone":"+31612345678","text":"Hi!"}'
  curl -s -X POST ${sandbox.origin}/_sandbox/message-status -d '{"uuid":"MESSAGE_ID","status":"delivered"}'
  curl -s -X POST ${sandbox.origin}/_sandbox/agent-status -d '{"email":"joao@example-shop.com","available":true}'

Ctrl+C stops it.`);
  const stop = () => void sandbox.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) void main();
