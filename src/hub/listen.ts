import type { AddressInfo, Server, Socket } from 'node:net';

/** A server could not start; the message is for a person, so no stack trace is needed. */
export class HubStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HubStartError';
  }
}

function explain(code: string | undefined): string {
  switch (code) {
    case 'EADDRINUSE':
      return 'the port is already in use (another hub or broker running?)';
    case 'EACCES':
      return 'permission denied (ports below 1024 need privileges)';
    case 'EADDRNOTAVAIL':
      return 'this machine has no such address';
    case 'ENOTFOUND':
      return 'the host name does not resolve';
    default:
      return code ?? 'unknown error';
  }
}

/** Listens and resolves with the real port (useful with port 0). */
export function listen(server: Server, host: string, port: number, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        new HubStartError(`cannot listen for ${what} on ${host}:${port}: ${explain(err.code)}`),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port });
  });
}

/** Remembers open sockets so close() can end them instead of waiting for idle clients. */
export function trackSockets(server: Server): { readonly destroyAll: () => void } {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return {
    destroyAll: () => {
      for (const socket of open) socket.destroy();
    },
  };
}

/** Stops accepting, destroys what is still open, resolves when the server is closed. */
export function closeServer(server: Server, destroyOpen: () => void): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    destroyOpen();
  });
}

/** Resolves after `ms` even if `work` has not finished, so shutdown never hangs. */
export async function withTimeout(
  work: Promise<void>,
  ms: number,
  onTimeout: () => void,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
