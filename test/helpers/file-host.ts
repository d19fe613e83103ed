import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Slack's file host stand-in on 127.0.0.1: serves url_private, records the Authorization header. */
export class FileHost {
  files = new Map<string, { body: Buffer; type: string }>();
  requests: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  private server!: Server;
  port = 0;
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push({ path: req.url ?? '', headers: req.headers });
      const f = this.files.get(req.url ?? '');
      if (!f || req.headers.authorization !== 'Bearer xoxb-test-token-000000')
        return void res.writeHead(f ? 403 : 404).end();
      res.writeHead(200, { 'content-type': f.type }).end(f.body);
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
