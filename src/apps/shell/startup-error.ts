/** Why a device could not start, in the terms its user can act on. */
export type StartupProblem = 'noConfig' | 'pairing' | 'removed' | 'other';

export function startupProblem(error: unknown): StartupProblem {
  if (!(error instanceof Error)) return 'other';
  // Thrown by the runtime when neither the hub nor a cached copy has the configuration.
  if (error.name === 'ConfigUnavailableError') return 'noConfig';
  // Thrown when the hub wants a pairing code before this device may join.
  if (error.name === 'PairingNeededError') return 'pairing';
  // Thrown (or reported while running) when a manager revoked this device.
  if (error.name === 'DeviceRemovedError') return 'removed';
  return 'other';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The hub refused a manager while the store has none: the pairing screen says what to do. */
export function isFirstManager(error: unknown): boolean {
  return error instanceof Error && (error as { firstManager?: unknown }).firstManager === true;
}
