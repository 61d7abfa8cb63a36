import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A WebSocket client by hand, over a plain TCP socket, so tests can send what
 * no well-behaved library would: broken frames, garbage, half messages.
 */

export interface FrameParts {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  /** The three RSV bits as a number 0..7 (RSV1 = 4). */
  rsv?: number;
  /** Clients must mask; false sends the payload in the clear. */
  masked?: boolean;
  /** A length header that lies about the payload (the payload is still what is given). */
  declaredLength?: bigint;
}

export function frame({
  opcode,
  payload = Buffer.alloc(0),
  fin = true,
  rsv = 0,
  masked = true,
  declaredLength,
}: FrameParts): Buffer {
  const length = declaredLength ?? BigInt(payload.length);
  const first = (fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f);
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = 127;
    header.writeBigUInt64BE(length, 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  header[1] |= 0x80;
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]));
  return Buffer.concat([header, mask, body]);
}

export const textFrame = (text: string) => frame({ opcode: 0x1, payload: Buffer.from(text) });
export const closeFrame = (code: number) => {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return frame({ opcode: 0x8, payload });
};

/** What the server sent on a raw connection until it ended it. */
export interface RawOutcome {
  /** The server's close code, or null when it ended the connection without a close frame. */
  closeCode: number | null;
  /** Opcodes of the frames it sent, in order. */
  opcodes: number[];
}

export class RawConnection {
  private received = Buffer.alloc(0);
  private readonly ended: Promise<void>;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => (this.received = Buffer.concat([this.received, chunk])));
    // A reset from the server counts as the end too; the outcome says what came before it.
    socket.on('error', () => undefined);
    this.ended = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  write(data: Buffer | string): void {
    this.socket.write(data);
  }

  /** The raw bytes received so far. */
  get bytes(): Buffer {
    return this.received;
  }

  /** Waits for the server to end the connection, answering its close frame as a client must when `answerClose`. */
  async outcome({ answerClose = false } = {}): Promise<RawOutcome> {
    if (answerClose) {
      await this.until(() => parseServerFrames(this.afterHandshake()).some((f) => f.opcode === 0x8));
      if (!this.socket.destroyed) this.socket.write(closeFrame(1000));
    }
    await this.ended;
    const frames = parseServerFrames(this.afterHandshake());
    const close = frames.find((f) => f.opcode === 0x8);
    return {
      closeCode: close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : null,
      opcodes: frames.map((f) => f.opcode),
    };
  }

  /** Resolves once the server's HTTP response head is in; returns its status line. */
  async statusLine(): Promise<string> {
    await this.until(() => this.received.includes('\r\n\r\n') || this.socket.destroyed);
    return this.received.toString('latin1').split('\r\n')[0] ?? '';
  }

  private afterHandshake(): Buffer {
    const end = this.received.indexOf('\r\n\r\n');
    return end < 0 ? Buffer.alloc(0) : this.received.subarray(end + 4);
  }

  private until(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!condition() && !this.socket.destroyed) return;
        this.socket.off('data', check);
        this.socket.off('close', check);
        resolve();
      };
      this.socket.on('data', check);
      this.socket.on('close', check);
      check();
    });
  }
}

/** Opens a TCP connection to the server and writes `bytes` as soon as it is up. */
export function rawConnect(port: number, bytes: Buffer | string = ''): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.off('error', reject);
      const connection = new RawConnection(socket);
      if (bytes.length > 0) socket.write(bytes);
      resolve(connection);
    });
    socket.once('error', reject);
  });
}

/** The HTTP upgrade request a browser sends to the server's WebSocket path. */
export function upgradeRequest(port: number, token: string, path = `/ws?token=${token}`): string {
  return [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `Origin: http://127.0.0.1:${port}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    '',
    '',
  ].join('\r\n');
}

/** An accepted WebSocket on a raw connection (the 101 is read before this resolves). */
export async function rawWebSocket(
  port: number,
  token: string,
  extra: Buffer = Buffer.alloc(0),
): Promise<RawConnection> {
  const connection = await rawConnect(port, Buffer.concat([Buffer.from(upgradeRequest(port, token)), extra]));
  const status = await connection.statusLine();
  if (!status.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${status}`);
  return connection;
}

/** Server frames are never masked; a trailing partial frame is ignored. */
function parseServerFrames(data: Buffer): { opcode: number; payload: Buffer }[] {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = data[at] & 0x0f;
    let length = data[at + 1] & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > data.length) break;
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > data.length) break;
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > data.length) break;
    frames.push({ opcode, payload: data.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}
