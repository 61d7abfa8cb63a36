import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabState } from '../../../shared/contract.js';
import { isSessionFile, sessionFileFromArgv } from '../../../electron/main/file-args.js';
import { OverallProgress } from '../../../electron/main/overall-progress.js';
import { loadRecent, saveRecent, withRecent } from '../../../electron/main/recent-files.js';
import { loadBounds, saveBounds, visibleOnSomeDisplay } from '../../../electron/main/window-state.js';

const dir = () => mkdtempSync(join(tmpdir(), 'rnnlab-shell-'));

describe('window bounds', () => {
  it('round-trips and ignores unreadable files', () => {
    const file = join(dir(), 'window.json');
    expect(loadBounds(file)).toBeNull();
    saveBounds(file, { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(loadBounds(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
    writeFileSync(file, '{"x":1');
    expect(loadBounds(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 0, y: 0, width: 5, height: 5 }));
    expect(loadBounds(file)).toBeNull();
  });

  it('uses saved bounds only when they land on a display that exists', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(visibleOnSomeDisplay({ x: 100, y: 100, width: 800, height: 600 }, screen)).toBe(true);
    expect(visibleOnSomeDisplay({ x: 3000, y: 100, width: 800, height: 600 }, screen)).toBe(false);
    expect(visibleOnSomeDisplay({ x: 1880, y: 100, width: 800, height: 600 }, screen)).toBe(false);
  });
});

describe('recent sessions', () => {
  it('keeps ten, newest first, no duplicates, and survives a bad file', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = withRecent(list, `/s/${i}.rnnlab`);
    list = withRecent(list, '/s/5.rnnlab');
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/s/5.rnnlab');
    expect(new Set(list).size).toBe(10);
    const file = join(dir(), 'recent.json');
    saveRecent(file, list);
    expect(loadRecent(file)).toEqual(list);
    writeFileSync(file, '[1,2]');
    expect(loadRecent(file)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('[1,2]');
  });
});

describe('command-line session file', () => {
  it('finds the .rnnlab argument and resolves it', () => {
    expect(sessionFileFromArgv(['/opt/RNN Lab/rnn-lab', '--no-sandbox', 'exp.rnnlab'], '/home/u')).toBe(
      '/home/u/exp.rnnlab',
    );
    expect(sessionFileFromArgv(['electron', '.', '/data/A.RNNLAB'], '/x')).toBe('/data/A.RNNLAB');
    expect(sessionFileFromArgv(['electron', '.', '--inspect=9229'], '/x')).toBeNull();
    // Flags never name the file, even when their value ends in .rnnlab; other files are not sessions.
    expect(sessionFileFromArgv(['--user-data-dir=/u/x.rnnlab', 'notes.txt', 'a.rnnlab.bak'], '/x')).toBeNull();
    expect(sessionFileFromArgv(['notes.txt', 'two.rnnlab', 'three.rnnlab'], '/x')).toBe('/x/two.rnnlab');
  });

  it('knows a session file by its extension', () => {
    expect(isSessionFile('/a/b.rnnlab')).toBe(true);
    expect(isSessionFile('C:\\Users\\me\\B.RNNLAB')).toBe(true);
    expect(isSessionFile('/a/b.png')).toBe(false);
    expect(isSessionFile('/a/rnnlab')).toBe(false);
  });
});

describe('overall progress', () => {
  it('averages the fraction over active runs and hides the bar when idle', () => {
    const run = (id: string, status: string) => ({ id, status }) as unknown as LabState['runs'][number];
    const state = (runs: LabState['runs']) => ({ runs }) as LabState;
    const progress = (id: string, fraction: number) => ({
      id,
      progress: {
        fraction,
        epoch: 1,
        epochs: 1,
        batch: 0,
        batchesPerEpoch: 1,
        loss: 0,
        acc: 0,
        elapsedMs: 0,
        etaMs: 0,
      },
    });
    const bar = new OverallProgress();
    expect(bar.value()).toBe(-1);
    expect(bar.onState(state([run('a', 'training'), run('b', 'queued'), run('c', 'done')]))).toBe(0);
    expect(bar.onProgress(progress('a', 0.5))).toBe(0.25);
    expect(bar.onProgress(progress('c', 1))).toBe(0.25);
    expect(bar.onState(state([run('a', 'done'), run('b', 'training')]))).toBe(0);
    expect(bar.onState(state([run('a', 'done'), run('b', 'done')]))).toBe(-1);
  });
});
