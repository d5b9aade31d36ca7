import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { askDeleteOnStop } from './askDeleteOnStop.js';

/** The real prompt on a stream terminal; `keys` typed into it. */
async function realPrompt(keys: string): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  const answer = confirm({ message: 'Would you like to delete all the resources in your sandbox environment (This cannot be undone)?', default: false }, { input, output });
  setImmediate(() => input.write(keys));
  return answer;
}

const recorder = () => {
  const errors: string[] = [];
  return { errors, printer: { error: (m: string) => void errors.push(m) } };
};

test('the answer given at the prompt is the answer', async () => {
  for (const [keys, answer] of [['y\r', true], ['n\r', false], ['\r', false]] as const) {
    const r = recorder();
    assert.equal(await askDeleteOnStop(() => realPrompt(keys), r.printer), answer, JSON.stringify(keys));
    assert.deepEqual(r.errors, []);
  }
});

test('a second Ctrl+C at the prompt keeps everything, quietly', async () => {
  const r = recorder();
  const rejected = await realPrompt('\x03').then(() => undefined, (err: Error) => err);
  assert.equal(rejected?.name, 'ExitPromptError', 'the prompt library still rejects a Ctrl+C with ExitPromptError');
  assert.equal(await askDeleteOnStop(() => realPrompt('\x03'), r.printer), false);
  assert.deepEqual(r.errors, []);
});

test('any other failure to ask keeps everything and says what went wrong', async () => {
  const r = recorder();
  assert.equal(await askDeleteOnStop(() => Promise.reject(new Error('stdin is not readable')), r.printer), false);
  assert.deepEqual(r.errors, ['Could not ask whether to delete the sandbox (stdin is not readable); nothing was deleted.']);
});
