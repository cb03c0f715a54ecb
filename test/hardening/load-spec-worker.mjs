// Loads API descriptions for the fuzz tests in a worker thread, so that a case that hangs can be stopped:
// each message is a file path; the answer is the operation count, or the error's name, code and message.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { loadSpec } = await import('../../src/spec/load.ts');

parentPort.on('message', async (file) => {
  try {
    const spec = await loadSpec(file);
    parentPort.postMessage({ operations: spec.operations.length });
  } catch (error) {
    parentPort.postMessage({ name: error?.name, code: error?.code, message: String(error?.message ?? error) });
  }
});
