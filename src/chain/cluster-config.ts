/**
 * The nats-server configuration of one node of the chain's cluster: client, cluster (RAFT
 * routes to every other node), JetStream, the MQTT gateway and the monitoring port whose
 * /healthz says when JetStream is ready. Tests and `nextup chain cluster` write the same file.
 */

export interface ClusterNode {
  readonly name: string;
  readonly host: string;
  readonly clientPort: number;
  readonly clusterPort: number;
  readonly monitorPort: number;
  /** MQTT 3.1.1 for the chain's plain readers; omitted: no MQTT listener. */
  readonly mqttPort?: number;
  readonly storeDir: string;
}

export interface NodeConfigOptions {
  readonly clusterName?: string;
  /**
   * A file with the `accounts { … }` block (users and their permissions), included as is:
   * relative to the node configuration's folder (nats-server resolves includes from there).
   */
  readonly authFile?: string;
  /** TLS for clients and routes: the chain's certificate authority and this node's pair. */
  readonly tls?: { readonly caFile: string; readonly certFile: string; readonly keyFile: string };
  /** JetStream limits per node. */
  readonly maxMemory?: string;
  readonly maxFile?: string;
}

function tlsBlock(tls: NonNullable<NodeConfigOptions['tls']>, indent: string): string[] {
  return [
    `${indent}tls {`,
    `${indent}  ca_file: ${JSON.stringify(tls.caFile)}`,
    `${indent}  cert_file: ${JSON.stringify(tls.certFile)}`,
    `${indent}  key_file: ${JSON.stringify(tls.keyFile)}`,
    `${indent}  timeout: 5`,
    `${indent}}`,
  ];
}

/** The configuration text of `node`, routing to every node of `all` but itself. */
export function nodeConfig(
  node: ClusterNode,
  all: readonly ClusterNode[],
  opts: NodeConfigOptions = {},
): string {
  const scheme = opts.tls ? 'tls' : 'nats';
  const routes = all
    .filter((n) => n.name !== node.name)
    .map((n) => `    ${JSON.stringify(`${scheme}-route://${n.host}:${n.clusterPort}`)}`);
  return [
    `server_name: ${JSON.stringify(node.name)}`,
    `listen: ${JSON.stringify(`${node.host}:${node.clientPort}`)}`,
    `http: ${JSON.stringify(`${node.host}:${node.monitorPort}`)}`,
    ...(opts.tls ? tlsBlock(opts.tls, '') : []),
    'jetstream {',
    `  store_dir: ${JSON.stringify(node.storeDir)}`,
    `  max_memory_store: ${opts.maxMemory ?? '256MB'}`,
    `  max_file_store: ${opts.maxFile ?? '4GB'}`,
    '}',
    'cluster {',
    `  name: ${JSON.stringify(opts.clusterName ?? 'nextup-chain')}`,
    `  listen: ${JSON.stringify(`${node.host}:${node.clusterPort}`)}`,
    ...(opts.tls ? tlsBlock(opts.tls, '  ') : []),
    '  routes: [',
    ...routes,
    '  ]',
    '}',
    ...(node.mqttPort !== undefined
      ? [
          'mqtt {',
          `  listen: ${JSON.stringify(`${node.host}:${node.mqttPort}`)}`,
          ...(opts.tls ? tlsBlock(opts.tls, '  ') : []),
          '}',
        ]
      : []),
    ...(opts.authFile ? [`include ${JSON.stringify(opts.authFile)}`] : []),
    '',
  ].join('\n');
}
