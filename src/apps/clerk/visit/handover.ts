/** With no tap for this long the tablet goes back to the clerk: the customer has walked off. */
export const CUSTOMER_IDLE_MS = 60_000;
/** How long "Thank you!" stays before the clerk's screen returns. */
export const THANKS_MS = 2_000;
