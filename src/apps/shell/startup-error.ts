/** Why a device could not start, in the terms its user can act on. */
export type StartupProblem = 'noConfig' | 'other';

export function startupProblem(error: unknown): StartupProblem {
  if (!(error instanceof Error)) return 'other';
  // Thrown by the runtime when neither the hub nor a cached copy has the configuration.
  return error.name === 'ConfigUnavailableError' ? 'noConfig' : 'other';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
