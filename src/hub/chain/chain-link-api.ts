/**
 * The manager's view of the store link (HTTP Basic, manager device):
 *   GET /api/chain-link -> ChainLinkView ({enabled: false} when the hub runs without --chain)
 */
import type { ChainLinkView } from '../../domain/chain/link-report.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../json-response.ts';
import type { ManagerGate } from '../manager-auth.ts';

export const CHAIN_LINK_PATH = '/api/chain-link';

export function createChainLinkApi(opts: {
  readonly view: () => ChainLinkView;
  readonly manager: ManagerGate;
}) {
  return function handle(req: IncomingMessage, res: ServerResponse, urlPath: string): boolean {
    if (urlPath !== CHAIN_LINK_PATH) return false;
    if (!opts.manager(req, res, 'chain link')) return true;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      sendJson(res, 405, { error: 'method not allowed' });
    else sendJson(res, 200, opts.view());
    return true;
  };
}
