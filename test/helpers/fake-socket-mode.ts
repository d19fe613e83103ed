import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiCall, FakeSlack } from './fake-slack.js';
import { eventCallback, slashCommandFields } from './slack-sign.js';

/** One WebSocket the bot opened, with the ticket it was given by apps.connections.open. */
export interface SocketConnection {
  n: number;
  ticket: string;
  socket: WebSocket;
  openedAt: number;
  closed?: { code: number; reason: string; at: number };
}

/** One message the bot sent on a socket (acks are `{envelope_id, payload}`). */
export interface Received {
  connection: number;
  message: { envelope_id?: string; payload?: Record<string, unknown>; [k: string]: unknown };
  at: number;
}

/** An envelope as the fake sent it, with when. */
export interface Sent {
  connection: number;
  envelope: Record<string, unknown>;
  at: number;
}

/**
 * A local stand-in for Slack's Socket Mode service on 127.0.0.1: answers
 * `apps.connections.open` on a FakeSlack (only for an app-level `xapp-` token,
 * like Slack) with a one-time `ws://127.0.0.1:<port>/link/?ticket=…` URL,
 * accepts the WebSocket for that ticket only, greets it with `hello`, sends
 * envelopes (`slash_commands`, `events_api`, …) and `disconnect` messages,
 * and records what the bot sends back (acks).
 */
export class FakeSocketMode {
  readonly connections: SocketConnection[] = [];
  readonly received: Received[] = [];
  readonly sent: Sent[] = [];
  /** WebSocket upgrades refused (unknown or reused ticket). */
  readonly refused: string[] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private port = 0;
  private readonly tickets = new Set<string>();
  private ticketCount = 0;
  private envelopeCount = 0;

  async start(): Promise<this> {
    this.server = createServer((_req, res) =>
      res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only'),
    );
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req: IncomingMessage, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const ticket = url.searchParams.get('ticket') ?? '';
      if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
        this.refused.push(req.url ?? '');
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.accept(ws, ticket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Answer `apps.connections.open` on `slack`: a fresh ticket for an app-level token, Slack's error otherwise. */
  serveConnectionsOpen(slack: FakeSlack): void {
    slack.answerWith('apps.connections.open', (_body, call: ApiCall) => {
      if (!call.authorization?.startsWith('Bearer xapp-'))
        return { ok: false, error: call.authorization ? 'not_allowed_token_type' : 'not_authed' };
      const ticket = `t${++this.ticketCount}-${Date.now().toString(36)}`;
      this.tickets.add(ticket);
      return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=${ticket}` };
    });
  }

  /** The newest connection still open. */
  get current(): SocketConnection | undefined {
    return [...this.connections].reverse().find((c) => !c.closed);
  }

  /** Send a raw message on the newest open connection. */
  sendRaw(message: Record<string, unknown>): SocketConnection {
    const c = this.current;
    if (!c) throw new Error('no open Socket Mode connection');
    c.socket.send(JSON.stringify(message));
    this.sent.push({ connection: c.n, envelope: message, at: Date.now() });
    return c;
  }

  /** A slash command envelope (payload as Slack sends it in Socket Mode); answers with its envelope_id. */
  slashCommand(fields: { text: string; responseUrl: string; user?: string; channel?: string }): string {
    const envelopeId = this.nextEnvelopeId();
    this.sendRaw({
      envelope_id: envelopeId,
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommandFields({
        text: fields.text,
        responseUrl: fields.responseUrl,
        user: fields.user,
        channel: fields.channel,
      }),
    });
    return envelopeId;
  }

  /** An Events API envelope; `retryAttempt` > 0 is Slack re-sending the same event_id. */
  event(event: Record<string, unknown>, eventId: string, retry: { attempt?: number; reason?: string } = {}): string {
    const envelopeId = this.nextEnvelopeId();
    this.sendRaw({
      envelope_id: envelopeId,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: retry.attempt ?? 0,
      retry_reason: retry.reason ?? '',
      payload: eventCallback(event, eventId),
    });
    return envelopeId;
  }

  /** Slack recycling the connection: the client should close it and open a new one. */
  disconnect(reason = 'refresh_requested'): SocketConnection {
    return this.sendRaw({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-127-0-0-1' } });
  }

  /** The bot's ack for `envelopeId`, once it arrives (or fail after `ms`). */
  async ackFor(envelopeId: string, ms = 10_000): Promise<Received> {
    await this.waitFor(() => this.acksFor(envelopeId).length > 0, ms, `the ack for envelope ${envelopeId}`);
    return this.acksFor(envelopeId)[0]!;
  }

  acksFor(envelopeId: string): Received[] {
    return this.received.filter((r) => r.message.envelope_id === envelopeId);
  }

  sentAt(envelopeId: string): number | undefined {
    return this.sent.find((s) => s.envelope.envelope_id === envelopeId)?.at;
  }

  /** Poll `predicate` every 25 ms until it holds, or fail after `ms`. */
  async waitFor(predicate: () => boolean, ms = 10_000, what = 'the Socket Mode condition'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out after ${ms} ms waiting for ${what}; connections: ${this.connections.length}, received: ${JSON.stringify(this.received.map((r) => r.message))}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    for (const c of this.connections) if (!c.closed) c.socket.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(ws: WebSocket, ticket: string): void {
    const c: SocketConnection = { n: this.connections.length + 1, ticket, socket: ws, openedAt: Date.now() };
    this.connections.push(c);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: Received['message'];
      try {
        message = JSON.parse(data.toString()) as Received['message'];
      } catch {
        message = { unparsable: data.toString() };
      }
      this.received.push({ connection: c.n, message, at: Date.now() });
    });
    ws.on('close', (code, reason) => {
      c.closed = { code, reason: reason.toString(), at: Date.now() };
    });
    // What Slack says first on every new connection; the client counts as connected only after it.
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connections.filter((x) => !x.closed).length,
        debug_info: { host: 'applink-fake-127-0-0-1', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0OMS' },
      }),
    );
  }

  private nextEnvelopeId(): string {
    return `env-${++this.envelopeCount}-${Date.now().toString(36)}`;
  }
}
