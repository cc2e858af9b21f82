/** The pairing code travels in the URL the manager's QR code opens: /<surface>?pair=CODE */
export const PAIR_PARAM = 'pair';
