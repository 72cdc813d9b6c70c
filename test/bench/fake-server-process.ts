// Child process: serves a generated account with the fake Cincopa server on 127.0.0.1 and
// answers the parent's questions over IPC. It stops when the parent disconnects or dies.
import { generateAccount, startFakeCincopa } from '../../src/testing/index.js';
import { startReplayingServer } from './support/replaying-server.js';
import type { ServedAccount, ServerCommand, ServerReply } from './support/server-process.js';

// A benchmark that hangs must not leave this process behind.
const LIFETIME_MS = 15 * 60_000;

const account = JSON.parse(process.argv[2] ?? '{}') as ServedAccount;
const { assets } = generateAccount({ count: account.count, seed: account.seed });
const server = account.replay
  ? await startReplayingServer({
      assets,
      latencyMs: account.latencyMs ?? 0,
      jitter: account.jitter ?? 0,
    })
  : await startFakeCincopa({
      assets,
      ...(account.latencyMs === undefined ? {} : { latencyMs: account.latencyMs }),
      ...(account.pageSizeCap === undefined ? {} : { pageSizeCap: account.pageSizeCap }),
    });

const reply = (message: ServerReply) => process.send?.(message);
const listRequests = () => server.requests.filter((request) => request.url.includes('asset.list'));

process.on('message', (command: ServerCommand) => {
  if (command.kind === 'requests') reply({ kind: 'requests', count: listRequests().length });
  if (command.kind === 'reset') {
    server.requests.length = 0;
    reply({ kind: 'reset' });
  }
});
process.once('disconnect', () => void server.close().then(() => process.exit(0)));
setTimeout(() => process.exit(1), LIFETIME_MS).unref();

reply({ kind: 'ready', baseUrl: server.baseUrl, token: server.token });
