import { startSandbox } from './server';

/** `npm run sandbox`: the sandbox alone, for trying `zapier invoke` by hand. */
async function main() {
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT ?? 4010),
    rateLimit: Number(process.env.SANDBOX_RATE_LIMIT ?? 300),
    connectionCheckMs: 60_000,
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

void main();
