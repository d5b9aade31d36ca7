import { test } from 'node:test';
import assert from 'node:assert/strict';
import yargs from 'yargs';
import { createMainParser } from '../mainParser.js';
import { parseSecretFastPath, type FastSecretCall } from './secretFastPath.js';

// Every key a secret get/set/list/remove handler reads from its arguments.
const HANDLER_KEYS = ['secretName', 'identifier', 'profile', 'version', 'json', 'all'] as const;
const silent = { print() {}, log() {}, error() {} };
class Reached extends Error {}

/**
 * What yargs hands the handler for `args` (its command and the keys handlers read), or the error it
 * reports. Every command handler yargs registers is swapped for one that records its arguments and
 * stops, so all of yargs' parsing, validation and checks run, but no secret is touched.
 */
async function viaYargs(args: string[]): Promise<FastSecretCall | Error> {
  type AddHandler = (cmd: unknown, description: unknown, builder: unknown, handler: unknown, ...rest: unknown[]) => void;
  // yargs' (untyped) command registry, whose addHandler every `.command(...)` goes through.
  const internals = (yargs([]) as unknown as { getInternalMethods(): { getCommandInstance(): object } }).getInternalMethods();
  const commands = Object.getPrototypeOf(internals.getCommandInstance()) as { addHandler: AddHandler };
  const addHandler = commands.addHandler;
  let seen: FastSecretCall | undefined;
  commands.addHandler = function (cmd, description, builder, handler, ...rest) {
    const record = (argv: Record<string, unknown> & { _: unknown[] }) => {
      const picked = Object.fromEntries(HANDLER_KEYS.filter((k) => argv[k] !== undefined).map((k) => [k, argv[k]]));
      seen = { command: String(argv._[2]) as FastSecretCall['command'], args: picked };
      throw new Reached();
    };
    return addHandler.call(this, cmd, description, builder, typeof handler === 'function' ? record : handler, ...rest);
  };
  try {
    await createMainParser(args, silent).exitProcess(false).parseAsync();
  } catch (err) {
    if (err instanceof Reached) return seen!;
    return err as Error;
  } finally {
    commands.addHandler = addHandler;
  }
  return new Error('no handler reached');
}

const accepted: string[][] = [
  ['sandbox', 'secret', 'get', 'foo'],
  ['sandbox', 'secret', 'set', 'foo'],
  ['sandbox', 'secret', 'remove', 'foo'],
  ['sandbox', 'secret', 'list'],
  ['sandbox', 'secret', 'get', 'foo', '--identifier', 'feature1'],
  ['sandbox', 'secret', 'get', 'foo', '--identifier=feature1'],
  ['sandbox', 'secret', 'set', 'foo', '--profile', 'work'],
  ['sandbox', 'secret', 'set', 'foo', '--profile=work'],
  ['sandbox', 'secret', 'list', '--profile', 'work', '--identifier', 'abc'],
  ['sandbox', '--identifier', 'feature2', 'secret', 'set', 'baz'],
  ['sandbox', 'secret', '--profile=p', 'remove', 'baz'],
  ['sandbox', 'secret', 'get', '--identifier', 'x1', 'foo'],
  ['sandbox', 'secret', 'get', '007'],
  ['sandbox', 'secret', 'get', '1e3', '--identifier', '123'],
  ['sandbox', 'secret', 'get', 'true', '--profile', 'false'],
  ['sandbox', 'secret', 'get', 'a.b_c-d'],
  ['sandbox', 'secret', 'get', 'a b'],
  ['sandbox', 'secret', 'set', 'x/y'],
  ['sandbox', 'secret', 'set', 'a=b'],
  ['sandbox', 'secret', 'get', 'foo', '--profile', 'a=b'],
  ['sandbox', 'secret', 'get', 'foo', '--profile=a=b'],
  ['sandbox', 'secret', 'get', 'foo', '--profile', '0x10'],
  ['sandbox', 'secret', 'get', 'foo', '--profile', ' spaced '],
  ['sandbox', 'secret', 'get', 'café'],
];

const declined: string[][] = [
  [],
  ['sandbox'],
  ['sandbox', 'secret'],
  ['sandbox', 'secret', 'get'],
  ['sandbox', 'secret', 'set'],
  ['sandbox', 'secret', 'remove'],
  ['sandbox', 'secret', 'list', 'foo'],
  ['sandbox', 'secret', 'get', 'foo', 'bar'],
  ['sandbox', 'secret', 'history', 'foo'],
  ['sandbox', 'secret', 'frobnicate', 'foo'],
  ['sandbox', 'secret', 'get', 'foo', '--help'],
  ['sandbox', 'secret', 'get', 'foo', '-h'],
  ['sandbox', 'secret', 'get', 'foo', '--version', '1'],
  ['sandbox', 'secret', 'get', 'foo', '--json'],
  ['sandbox', 'secret', 'get', 'foo', '--debug'],
  ['sandbox', 'secret', 'list', '--json'],
  ['sandbox', 'secret', 'remove', '--all'],
  ['sandbox', 'secret', 'remove', 'foo', '--all'],
  ['sandbox', 'secret', 'get', 'foo', '--name', 'abc'],
  ['sandbox', 'secret', 'get', 'foo', '--identifier'],
  ['sandbox', 'secret', 'get', 'foo', '--identifier='],
  ['sandbox', 'secret', 'get', 'foo', '--identifier', '-x'],
  ['sandbox', 'secret', 'get', 'foo', '--identifier', 'a', '--identifier', 'b'],
  ['sandbox', 'secret', 'get', 'foo', '--identifier', 'has_underscore'],
  ['sandbox', 'secret', 'get', 'foo', '--identifier', 'waytoolongidentifier'],
  ['sandbox', 'secret', 'get', 'foo', '--profile', '--identifier', 'x'],
  ['sandbox', 'secret', 'get', 'foo', '--no-profile'],
  ['sandbox', 'secret', 'get', 'foo', '--Profile', 'x'],
  ['sandbox', 'secret', 'get', 'foo', '--identifier.x', 'a'],
  ['sandbox', 'secret', 'get', 'foo', '--', 'bar'],
  ['sandbox', 'secret', 'get', '-'],
  ['sandbox', 'secret', 'get', '--', 'foo'],
  ['sandbox', 'secret', 'get', 'foo', '-v'],
  ['--identifier', 'x', 'sandbox', 'secret', 'get', 'foo'],
  ['secret', 'get', 'foo'],
  ['generate', 'outputs'],
  ['--version'],
];

test('the fast path takes the common secret calls with exactly the arguments yargs hands their handlers', async () => {
  for (const args of accepted) {
    const fast = parseSecretFastPath(args);
    assert.ok(fast, `fast path declined ${args.join(' ')}`);
    assert.deepEqual(fast, await viaYargs(args), args.join(' '));
  }
});

test('the fast path declines everything else, so yargs prints its own output and errors', () => {
  for (const args of declined) assert.equal(parseSecretFastPath(args), undefined, args.join(' '));
});

test('any argument list the fast path accepts, yargs parses the same way (random lists of likely tokens)', async () => {
  const commands = [['get', 'foo'], ['set', 'bar'], ['remove', '12'], ['list'], ['get'], ['list', 'foo'], ['history', 'foo']];
  const flags = [['--identifier', 'x2'], ['--identifier=x2'], ['--profile', 'work'], ['--profile=p'], ['--identifier', 'bad_id'], ['--identifier'], ['--profile', '--json']];
  const noise = ['foo', '--all', '--json', '-h', '--', '', '--name', 'secret', '--version', '2'];
  let state = 42;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  let compared = 0;
  for (let i = 0; i < 1500; i++) {
    const parts: string[][] = [['secret'], ...commands[next(commands.length)]!.map((w) => [w])];
    for (let f = next(3); f > 0; f--) parts.splice(next(parts.length + 1), 0, flags[next(flags.length)]!);
    if (next(3) === 0) parts.splice(next(parts.length + 1), 0, [noise[next(noise.length)]!]);
    const args = ['sandbox', ...parts.flat()];
    const fast = parseSecretFastPath(args);
    if (!fast) continue;
    compared++;
    assert.deepEqual(fast, await viaYargs(args), args.join(' '));
  }
  assert.ok(compared >= 150, `only ${compared} random lists took the fast path`);
});
