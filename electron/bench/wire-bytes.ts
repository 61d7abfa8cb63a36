import { WebSocket } from 'ws';
import { TOKEN_PARAM, WS_PATH } from '../../shared/transport.js';

/** What the server pushed over one WebSocket: event frames only (replies to our own calls are not pushes). */
export interface WireCount {
  frames: number;
  bytes: number;
  largest: number;
  progressFrames: number;
  progressBytes: number;
  largestProgress: number;
}

export function emptyCount(): WireCount {
  return { frames: 0, bytes: 0, largest: 0, progressFrames: 0, progressBytes: 0, largestProgress: 0 };
}

/** Counts one received frame (UTF-8 bytes, as on the wire) when it is a pushed event. */
export function countFrame(count: WireCount, payload: string | Buffer): void {
  const text = payload.toString();
  let message: { type?: unknown; event?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    return;
  }
  if (message.type !== 'event') return;
  const bytes = Buffer.byteLength(text);
  count.frames++;
  count.bytes += bytes;
  count.largest = Math.max(count.largest, bytes);
  if (message.event !== 'run:progress') return;
  count.progressFrames++;
  count.progressBytes += bytes;
  count.largestProgress = Math.max(count.largestProgress, bytes);
}

/** A Node client of the browser-mode server, as a page would connect: calls in order, pushes counted. */
export class WireClient {
  readonly count = emptyCount();
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: { ok: boolean; result?: unknown; error?: unknown }) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      countFrame(this.count, data);
      const reply = JSON.parse(data.toString()) as { type?: string; id?: number; ok: boolean; result?: unknown };
      if (reply.type === 'reply' && reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
    });
  }

  /** `pageUrl`: the URL the server printed (with its token). */
  static open(pageUrl: string): Promise<WireClient> {
    const page = new URL(pageUrl);
    const token = page.searchParams.get(TOKEN_PARAM) ?? '';
    const url = `ws://${page.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
    const socket = new WebSocket(url, { headers: { Origin: page.origin } });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new WireClient(socket)));
      socket.once('error', reject);
    });
  }

  call(channel: string, payload: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) => {
        this.waiting.delete(id);
        if (reply.ok) resolve(reply.result);
        else reject(new Error(`${channel}: ${JSON.stringify(reply.error)}`));
      });
      this.socket.send(JSON.stringify({ type: 'call', id, channel, payload }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

export interface ManyRuns {
  runs: number;
  stateBytes: number;
  training: WireCount;
}

/** Pushes while one run trains with `runs` runs loaded (added as seed presets), against the whole state's size. */
export async function measureManyRuns(pageUrl: string, runs = 200): Promise<ManyRuns> {
  const client = await WireClient.open(pageUrl);
  try {
    const have = ((await client.call('lab:state', {})) as { runs: unknown[] }).runs.length;
    const added: Array<{ id: string }> = [];
    for (let n = have; n + 4 <= runs; n += 4) {
      const preset = await client.call('runs:addPreset', { preset: 'seed', samples: 10_000 });
      added.push(...(preset as Array<{ id: string }>));
    }
    const state = (await client.call('lab:state', {})) as { runs: unknown[] };
    Object.assign(client.count, emptyCount());
    await client.call('runs:train', { ids: [added[0].id] });
    const stateBytes = Buffer.byteLength(JSON.stringify(state));
    return { runs: state.runs.length, stateBytes, training: { ...client.count } };
  } finally {
    client.close();
  }
}

/** The session file's size now (what Save would write), in bytes. */
export async function sessionBytes(pageUrl: string): Promise<number> {
  const client = await WireClient.open(pageUrl);
  try {
    const { text } = (await client.call('session:serialize', {})) as { text: string };
    return Buffer.byteLength(text);
  } finally {
    client.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The bench's lines about pushed bytes. */
export function wireNotes(wire: { training: WireCount; sessionBytes: number }, many: ManyRuns): string[] {
  const t = wire.training;
  const m = many.training;
  const perProgress = m.progressFrames ? m.progressBytes / m.progressFrames : 0;
  return [
    `WebSocket pushes while the seed trains: ${kb(t.bytes)} in ${t.frames} frames, largest ${kb(t.largest)}; ` +
      `session file ${kb(wire.sessionBytes)} (${(t.bytes / wire.sessionBytes).toFixed(2)}×); ` +
      `${t.progressFrames} progress frames, largest ${t.largestProgress} B`,
    `With ${many.runs} runs loaded (lab:state ${kb(many.stateBytes)}), one run training pushed ${kb(m.bytes)} ` +
      `in ${m.frames} frames, largest ${kb(m.largest)}; ${m.progressFrames} progress frames, ` +
      `${perProgress.toFixed(0)} B each on average, largest ${m.largestProgress} B`,
  ];
}
