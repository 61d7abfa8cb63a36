import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { invokeChannels, invokeContract, type InvokeChannel } from '../../shared/contract.js';
import type { ElectronOnlyChannel, LabChannel } from '../../shared/channels.js';
import type { z } from 'zod';
import { LabError, toWireError, type WireError } from '../../shared/errors.js';
import { formatZodError } from '../../shared/format-zod-error.js';
import type { LabBackend } from '../lab/lab-backend.js';
import { isTrustedSender } from './app-origin.js';
import type { DocumentController } from './document-controller.js';

/** Channels whose Electron behaviour needs the main process first (dialogs, file writes). */
type HostHandler = (payload: unknown) => Promise<unknown>;

/** Electron's own channels must each have a handler here (the lab service refuses them); some lab channels too. */
type HostHandlers = Record<ElectronOnlyChannel, HostHandler> & Partial<Record<LabChannel, HostHandler>>;

function hostHandlers(docs: DocumentController): HostHandlers {
  const parse = <S extends z.ZodType>(schema: S, channel: InvokeChannel, payload: unknown): z.output<S> => {
    const parsed = schema.safeParse(payload ?? {});
    // One line, as dispatch does for the other channels: a zod message may span lines.
    if (!parsed.success)
      throw new LabError('bad-request', formatZodError(parsed.error, `${channel} request`).replace(/\s+/g, ' '));
    return parsed.data;
  };
  const c = invokeContract;
  return {
    'session:new': async (p) => (parse(c['session:new'].request, 'session:new', p), docs.newSession()),
    'session:open': async (p) => docs.open(parse(c['session:open'].request, 'session:open', p)),
    'session:save': async (p) => docs.save(parse(c['session:save'].request, 'session:save', p)),
    'export:save': async (p) => docs.exportSave(parse(c['export:save'].request, 'export:save', p)),
  };
}

/**
 * One ipcMain.handle per contract channel. Each checks that the call comes
 * from our page in our window's top frame, then validates and dispatches.
 * Results cross as values; errors as `{ error: { code, message } }`.
 */
export function registerIpcHandlers(
  window: () => BrowserWindow | null,
  backend: LabBackend,
  docs: DocumentController,
): void {
  const special = hostHandlers(docs);
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const win = window();
      const trusted = isTrustedSender({
        fromOurWindow: !!win && !win.isDestroyed() && event.sender === win.webContents,
        isMainFrame: !!event.senderFrame && event.senderFrame === event.sender.mainFrame,
        frameUrl: event.senderFrame?.url ?? null,
      });
      if (!trusted)
        return {
          error: { code: 'forbidden', message: `${channel}: refused a call from outside the RNN Lab window` },
        } satisfies WireError;
      const host: HostHandler | undefined = special[channel];
      if (host) {
        try {
          return await host(payload);
        } catch (err) {
          return toWireError(err);
        }
      }
      const outcome = await backend.call(channel, payload);
      return outcome.ok ? outcome.result : { error: outcome.error };
    });
  }
}
