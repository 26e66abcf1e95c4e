import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request: pass it on (maybe rewriting the answer), or fail it. */
export type Fault =
  | { pass: true; rewrite?: (body: string) => string; loseAnswer?: boolean }
  | { drop: true }
  | { status: number; body: string };

export type FaultRule = (request: { method: string; path: string; index: number }) => Fault;

export const PASS: Fault = { pass: true };

/**
 * A stand-in for the network between check-live and Callbell (the sandbox): each request goes
 * on as it came, or is answered with an error, or has its connection dropped, as `rule` says.
 * The sandbox itself keeps answering by the docs.
 */
export async function startFaultyProxy(target: string, rule: FaultRule) {
  const upstream = new URL(target);
  let index = 0;
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const fault = rule({ method: incoming.method ?? 'GET', path, index: index++ });
    if ('drop' in fault) {
      incoming.socket.destroy();
      return;
    }
    if ('status' in fault) {
      outgoing.writeHead(fault.status, { 'Content-Type': 'application/json' }).end(fault.body);
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path,
        headers: { ...incoming.headers, host: upstream.host },
      },
      async (answer) => {
        const text = await read(answer);
        // Callbell did the work; its answer is lost on the way back.
        if (fault.loseAnswer) {
          incoming.socket.destroy();
          return;
        }
        const body = fault.rewrite ? fault.rewrite(text) : text;
        const headers = { ...answer.headers };
        delete headers['content-length'];
        outgoing.writeHead(answer.statusCode ?? 502, headers).end(body);
      },
    );
    forward.on('error', () => incoming.socket.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The API base through the proxy, e.g. http://127.0.0.1:5123/v1. */
    apiUrl: `http://127.0.0.1:${port}${upstream.pathname}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function read(stream: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
