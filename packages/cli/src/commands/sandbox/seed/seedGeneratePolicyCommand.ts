import type { CommandModule } from 'yargs';
import { notBuiltYet } from '../../notBuiltYet.js';

/** `ampx sandbox seed generate-policy`: the IAM policy a seed role needs, as JSON on stdout. */
export class SeedGeneratePolicyCommand implements CommandModule {
  readonly command = 'generate-policy';
  readonly describe = 'Generates policy for seeding';
  handler = (): void => notBuiltYet('sandbox seed generate-policy');
}
