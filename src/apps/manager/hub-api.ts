/**
 * One way the manager's screens call the hub's manager APIs (devices, webhooks): signed with
 * the device's credentials, JSON in and out, and a failure as an Error carrying the hub's own
 * `error` text (or the HTTP status when it gave none).
 */
export async function callHub<T>(
  auth: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: {
      Authorization: auth,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    cache: 'no-store',
  });
  const json = (await res.json().catch(() => ({}))) as { error?: unknown };
  if (!res.ok) throw new Error(typeof json.error === 'string' ? json.error : `HTTP ${res.status}`);
  return json as T;
}
