import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

/** What the fake server process serves: a generated account, with optional latency and cap. */
export interface ServedAccount {
  /** Assets in the generated account. */
  readonly count: number;
  /** Seed of the generated account. */
  readonly seed: number;
  /** Delay before each response, in milliseconds. */
  readonly latencyMs?: number;
  /** The largest page size the server honours. */
  readonly pageSizeCap?: number;
  /**
   * Whether each answer is built once and replayed (see `startReplayingServer`), so that
   * the server's own work does not queue requests behind one another.
   */
  readonly replay?: boolean;
  /**
   * With `replay`: each answer waits a seeded random time from `latencyMs` × (1 − jitter)
   * to `latencyMs` × (1 + jitter) instead of exactly `latencyMs`.
   */
  readonly jitter?: number;
}

/** A fake Cincopa server running in its own process on 127.0.0.1. */
export interface ServerProcess {
  readonly baseUrl: string;
  readonly token: string;
  /** How many `asset.list.json` requests the server has received since the last reset. */
  listRequests(): Promise<number>;
  /** Forgets the requests received so far. */
  resetRequests(): Promise<void>;
  /** Stops the server process. */
  close(): Promise<void>;
}

/** A message from the server process. */
export type ServerReply =
  | { readonly kind: 'ready'; readonly baseUrl: string; readonly token: string }
  | { readonly kind: 'requests'; readonly count: number }
  | { readonly kind: 'reset' };

/** A message to the server process. */
export type ServerCommand = { readonly kind: 'requests' } | { readonly kind: 'reset' };

const SERVER_ENTRY = new URL('./fake-server-process.js', import.meta.url);

/**
 * Starts the fake server in a child process, so that its work (serialising pages) runs on
 * the other core and its memory is not counted in the client's, as with a remote API.
 */
export async function startServerProcess(account: ServedAccount): Promise<ServerProcess> {
  const child = fork(SERVER_ENTRY, [JSON.stringify(account)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Not the parent's flags: a heap limit set for an audit must not apply to the server.
    execArgv: [],
  });
  const ready = await nextReply(child, 'ready');
  return {
    baseUrl: ready.baseUrl,
    token: ready.token,
    listRequests: async () => (await ask(child, { kind: 'requests' }, 'requests')).count,
    resetRequests: async () => void (await ask(child, { kind: 'reset' }, 'reset')),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

async function ask<K extends ServerReply['kind']>(
  child: ChildProcess,
  command: ServerCommand,
  kind: K,
): Promise<Extract<ServerReply, { kind: K }>> {
  const reply = nextReply(child, kind);
  child.send(command);
  return reply;
}

function nextReply<K extends ServerReply['kind']>(
  child: ChildProcess,
  kind: K,
): Promise<Extract<ServerReply, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerReply) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ServerReply, { kind: K }>);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`The fake server process exited (code ${code}) before answering.`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
