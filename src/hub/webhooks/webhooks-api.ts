import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEBHOOK_KINDS } from '../../domain/webhooks/kinds.ts';
import { readBody } from '../body.ts';
import { jsonObject, sendJson } from '../json-response.ts';
import type { Logger } from '../log.ts';
import type { ManagerGate } from '../manager-auth.ts';
import { readEndpointRequest } from './endpoints.ts';
import type { Webhooks } from './webhooks.ts';

/**
 * The manager's webhooks (HTTP Basic, manager device):
 *   GET    /api/webhooks               -> { kinds, endpoints: EndpointView[] }
 *   POST   /api/webhooks {url, kinds}  -> 201 EndpointView & { secret } (the only time it shows)
 *   POST   /api/webhooks/<id>/enable   -> EndpointView (a disabled endpoint takes deliveries again)
 *   DELETE /api/webhooks/<id>          -> 204 (its queue is deleted with it)
 */
const PATH = '/api/webhooks';
const MAX_BODY = 8 * 1024;

export function createWebhooksApi(opts: {
  readonly webhooks: () => Webhooks | undefined;
  readonly log: Logger;
  readonly manager: ManagerGate;
}) {
  async function add(req: IncomingMessage, res: ServerResponse, hooks: Webhooks): Promise<void> {
    const raw = await readBody(req, res, MAX_BODY);
    if (raw === undefined) return;
    const body = jsonObject(raw);
    if (!body) return sendJson(res, 400, { error: 'the body must be a JSON object' });
    const request = readEndpointRequest(body);
    if (!request.ok) return sendJson(res, 400, { error: request.error });
    try {
      sendJson(res, 201, await hooks.add(request.url, request.kinds));
    } catch (err) {
      opts.log.error('webhooks', `endpoint not saved: ${(err as Error).message}`);
      sendJson(res, 503, { error: `the endpoint could not be saved (${(err as Error).message})` });
    }
  }

  async function one(
    req: IncomingMessage,
    res: ServerResponse,
    hooks: Webhooks,
    rest: string,
  ): Promise<void> {
    const [id, action] = rest.split('/');
    const method = req.method ?? 'GET';
    if (id && action === 'enable' && method === 'POST') {
      const view = hooks.enable(id);
      return view ? sendJson(res, 200, view) : sendJson(res, 404, { error: `no webhook ${id}` });
    }
    if (id && action === undefined && method === 'DELETE') {
      if (await hooks.remove(id)) {
        res.writeHead(204).end();
        return;
      }
      return sendJson(res, 404, { error: `no webhook ${id}` });
    }
    sendJson(res, 405, { error: 'method not allowed' });
  }

  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    urlPath: string,
  ): Promise<boolean> {
    if (urlPath !== PATH && !urlPath.startsWith(`${PATH}/`)) return false;
    if (!opts.manager(req, res, 'webhooks')) return true;
    const hooks = opts.webhooks();
    if (!hooks) {
      sendJson(res, 503, { error: 'webhooks are not running yet' });
      return true;
    }
    const method = req.method ?? 'GET';
    if (urlPath !== PATH) await one(req, res, hooks, urlPath.slice(PATH.length + 1));
    else if (method === 'GET')
      sendJson(res, 200, { kinds: WEBHOOK_KINDS, endpoints: hooks.list() });
    else if (method === 'POST') await add(req, res, hooks);
    else sendJson(res, 405, { error: 'method not allowed' });
    return true;
  };
}
