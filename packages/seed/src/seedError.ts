/**
 * The error the published library throws (`AmplifyUserError` of `@aws-amplify/platform-core`): the
 * real name (`UsernameExistsError`, …), message and resolution, the underlying error as `cause`.
 * `ampx sandbox seed` prints these as they are, like any other Amplify error.
 */
export class SeedUserError extends Error {
  readonly resolution: string;
  readonly classification = 'ERROR' as const;

  constructor(name: string, o: { message: string; resolution: string }, cause?: unknown) {
    super(o.message, cause === undefined ? undefined : { cause });
    this.name = name;
    this.resolution = o.resolution;
  }
}
