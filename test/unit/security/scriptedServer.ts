// Tiny HTTP servers for the security checks that need answers the contract-faithful fake daemon
// never gives: a daemon whose API redirects elsewhere or echoes hostile text, and a second listener
// on another port ("another origin") that records every request it receives.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { indexHtml, INDEX_HEADERS } from '../../fake-daemon/indexPage';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface ScriptedServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Answers every request after recording it (method, path, headers); the body is drained. */
export async function startScriptedServer(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A daemon stand-in: the cockpit page carries `token`; every other path is answered by `api`. */
export function startDaemonStandIn(
  token: string,
  api: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<ScriptedServer> {
  return startScriptedServer((req, res) => {
    if (req.url === '/' && req.method === 'GET') {
      res.writeHead(200, INDEX_HEADERS);
      res.end(indexHtml(token));
      return;
    }
    api(req, res);
  });
}

/** A listener that pretends to be a healthy daemon API, to make following a redirect tempting. */
export function startOtherOrigin(): Promise<ScriptedServer> {
  return startScriptedServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
}
