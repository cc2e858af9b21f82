/**
 * The sizes a sync message may have, apart from their checks (messages.ts): the sending side
 * needs them, and a kiosk's first screen loads no receiving code.
 */
/** Payloads above this are refused before parsing. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
export const MAX_EVENTS_PER_MESSAGE = 500;
