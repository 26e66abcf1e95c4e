import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ZapReceiver {
  /** The URL to subscribe, as Zapier's targetUrl. */
  url: string;
  /** Every body POSTed to it, parsed, in arrival order. */
  bodies: unknown[];
  stop: () => Promise<void>;
}

/**
 * A stand-in for Zapier's hook endpoint on loopback: records each body Callbell POSTs and
 * answers `200 {"status":"ok"}`, as Callbell's connection check expects.
 */
export async function startZapReceiver(): Promise<ZapReceiver> {
  const bodies: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"status":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/${Math.random().toString(36).slice(2)}`,
    bodies,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
