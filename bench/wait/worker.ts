import { parentPort } from 'node:worker_threads';
import { runSanity, runScenario } from './core.ts';
import { scenarios } from './scenarios.ts';

/** Runs benchmark tasks sent by run.ts, one at a time, in a worker thread. */
export interface Task {
  readonly kind: 'scenario' | 'sanity';
  readonly id: string;
  readonly quick: boolean;
}

const port = parentPort;
if (!port) throw new Error('bench/wait/worker.ts runs as a worker thread');
port.on('message', (task: Task) => {
  const s = scenarios().find((x) => x.id === task.id);
  if (!s) throw new Error(`unknown scenario ${task.id}`);
  port.postMessage(task.kind === 'scenario' ? runScenario(s, task.quick) : runSanity(s));
});
