import { parseArgs } from 'node:util';

import { CincopaClient } from '../client.js';
import { TOKEN_ENV_VAR } from '../client-options.js';
import { CincopaError } from '../errors.js';
import { createTokenMasker } from '../internal/token-mask.js';
import { type CliIo, EXIT } from './cli-io.js';
import { formatAssetVersions, toJsonReport } from './format-versions.js';

const USAGE = `Usage: cincopa-versions get <rid> [--json] [--base-url <url>]

Prints an asset's versions (ver-N attachments), its original and its renditions.
The token is read from ${TOKEN_ENV_VAR}; it is never printed.

Options:
  --json             print JSON instead of text
  --base-url <url>   API root (default https://api.cincopa.com/v2/)
  -h, --help         show this help
`;

/**
 * Runs the CLI with `args` (without `node` and the script) and returns its exit code.
 * Only the CLI prints; every text it prints passes through the token mask.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const mask = createTokenMasker(io.env[TOKEN_ENV_VAR]);
  const fail = (code: number, message: string) => {
    io.stderr.write(`${mask(message)}\n`);
    return code;
  };

  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail(EXIT.usage, `error: ${(error as Error).message}\n\n${USAGE}`);
  }

  const [command, ...rids] = parsed.positionals;
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (command !== 'get' || rids.length !== 1 || rids[0] === undefined) {
    return fail(EXIT.usage, `error: expected \`get <rid>\`\n\n${USAGE}`);
  }

  try {
    const client = new CincopaClient({
      apiToken: io.env[TOKEN_ENV_VAR],
      baseUrl: parsed.values['base-url'],
    });
    const result = await client.getAssetVersions(rids[0]);
    io.stdout.write(
      mask(
        parsed.values.json
          ? `${JSON.stringify(toJsonReport(result), null, 2)}\n`
          : formatAssetVersions(result),
      ),
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof CincopaError)) throw error;
    return fail(
      error.code === 'invalid_request' ? EXIT.usage : EXIT.failed,
      `error: ${error.message}`,
    );
  }
}
