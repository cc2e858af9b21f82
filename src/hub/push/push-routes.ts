import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAlertTexts } from '../../domain/kiosk/alert-texts.ts';
import type { TicketView } from '../../domain/kiosk/tracking.ts';
import { readBody } from '../body.ts';
import { sendJson } from '../json-response.ts';
import type { Logger } from '../log.ts';
import { knownPushService, parseSubscription, type PushSender } from './push-port.ts';
import { createTicketPush, type TicketPush } from './ticket-push.ts';
import { createWebPushSender, type VapidKeys } from './web-push-sender.ts';

/**
 * The tracking page's Web Push routes (beside /api/track in tracking.ts):
 *
 *   GET  /api/track/<ticket>/push   {"publicKey": "<VAPID key>"}, or {"publicKey": null} when
 *                                   the hub has no keys (the page then must stay open)
 *   POST /api/track/<ticket>/push   {"subscription": PushSubscription.toJSON(), "texts": the
 *                                   alerts' words in the customer's language (alert-texts.ts)}
 */
export interface WebPush {
  readonly publicKey: string;
  readonly alerts: TicketPush;
  /** Endpoints the hub may post to: the browsers' push services (knownPushService). */
  readonly allowEndpoint: (url: URL) => boolean;
}

const MAX_BODY_BYTES = 16 * 1024;

export async function handlePushRoute(
  req: IncomingMessage,
  res: ServerResponse,
  push: WebPush | undefined,
  view: () => TicketView | undefined,
): Promise<void> {
  if (req.method !== 'POST') {
    if (!view()) return sendJson(res, 404, { error: 'no such ticket today' });
    return sendJson(res, 200, { publicKey: push?.publicKey ?? null });
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    return sendJson(res, 415, { error: 'send the request as application/json' });
  }
  const body = await readBody(req, res, MAX_BODY_BYTES);
  if (body === undefined) return;
  if (!push) return sendJson(res, 404, { error: 'this hub sends no Web Push' });
  let parsed: { subscription?: unknown; texts?: unknown };
  try {
    parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
  } catch {
    return sendJson(res, 400, { error: 'not JSON' });
  }
  const subscription = parseSubscription(parsed?.subscription, push.allowEndpoint);
  if (!subscription) return sendJson(res, 400, { error: 'not a push subscription' });
  const texts = parseAlertTexts(parsed.texts);
  if (!texts) return sendJson(res, 400, { error: 'the alerts need their texts' });
  const now = view();
  if (!now) return sendJson(res, 404, { error: 'no such ticket today' });
  const outcome = push.alerts.subscribe(now, subscription, texts);
  if (outcome === 'ended') return sendJson(res, 409, { error: 'the ticket is not in line' });
  if (outcome === 'full') {
    return sendJson(
      res,
      503,
      { error: 'too many phones follow this ticket' },
      { 'Retry-After': '60' },
    );
  }
  sendJson(res, 201, { ok: true });
}

/** The hub's Web Push from its options: none without VAPID keys. */
export function webPushFor(
  keys: VapidKeys | undefined,
  log: Logger,
  sender: PushSender | undefined = keys && createWebPushSender(keys),
  allowEndpoint: (url: URL) => boolean = knownPushService,
): WebPush | undefined {
  if (!keys || !sender) return undefined;
  return {
    publicKey: keys.publicKey,
    alerts: createTicketPush({ sender, log }),
    allowEndpoint,
  };
}
