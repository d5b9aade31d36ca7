/**
 * Errors the CLI shows a user: the same names `ampx` uses (InvalidCommandInputError,
 * SSMParameterNotFoundError, …), a message saying what was wrong and a resolution saying how to fix it.
 */
export class AmplifyError extends Error {
  readonly resolution?: string;
  readonly details?: string;
  readonly classification: 'ERROR' | 'FAULT';

  constructor(name: string, o: { message: string; resolution?: string; details?: string; cause?: unknown }, classification: 'ERROR' | 'FAULT') {
    super(o.message, o.cause === undefined ? undefined : { cause: o.cause });
    this.name = name;
    this.resolution = o.resolution;
    this.details = o.details;
    this.classification = classification;
  }
}

/** A mistake the user can fix (bad input, missing secret, …). */
export class AmplifyUserError extends AmplifyError {
  constructor(name: string, o: { message: string; resolution: string; details?: string; cause?: unknown }) {
    super(name, o, 'ERROR');
  }
}

/** Something went wrong on our side. */
export class AmplifyFault extends AmplifyError {
  constructor(name: string, o: { message: string; resolution?: string; details?: string; cause?: unknown }) {
    super(name, o, 'FAULT');
  }
}

export const invalidInput = (message: string, resolution: string): AmplifyUserError =>
  new AmplifyUserError('InvalidCommandInputError', { message, resolution });

/** The prompt library's "the user pressed Ctrl+C at a prompt" (ExitPromptError; older versions only said so in the message). */
export const isPromptExit = (err: unknown): boolean =>
  (err as Error | undefined)?.name === 'ExitPromptError' || String((err as Error | undefined)?.message).includes('User force closed the prompt');
