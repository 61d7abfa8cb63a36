import { LabService } from '../../../electron/lab/lab-service.js';
import { dispatch } from '../../../electron/lab/dispatch.js';
import { DocumentController, type DialogPort, type UnsavedChoice } from '../../../electron/main/document-controller.js';

/** The OS dialogs replaced by scripted answers (the only Electron part of the document flow); every question is logged. */
export function scripted() {
  const asked: string[] = [];
  const answers = {
    open: null as string | null,
    save: null as string | null,
    exportTo: null as string | null,
    unsaved: 'cancel' as UnsavedChoice,
  };
  const dialogs: DialogPort = {
    chooseSessionToOpen: async () => (asked.push('open'), answers.open),
    chooseSessionSavePath: async (name) => (asked.push(`save:${name}`), answers.save),
    chooseExportPath: async (name) => (asked.push(`export:${name}`), answers.exportTo),
    askUnsaved: async (title) => (asked.push(`unsaved:${title}`), answers.unsaved),
  };
  return { dialogs, asked, answers };
}

/** A document controller over a real lab service (no training), with scripted dialogs. */
export function documentFlow() {
  const service = new LabService({
    host: 'electron',
    paths: { kind: 'absolute' },
    workerFactory: () => {
      throw new Error('no training here');
    },
  });
  const ui = scripted();
  const remembered: string[] = [];
  const docs = new DocumentController({
    call: (channel, payload) => dispatch(service, channel, payload),
    state: () => service.state(),
    dialogs: ui.dialogs,
    remember: (p) => remembered.push(p),
  });
  return { service, ui, remembered, docs };
}
