import { BASE_URL_ENV_VAR, TOKEN_ENV_VAR } from '../client-options.js';

const CONNECTION = `Connection:
  --token-file <path>   read the token from this file instead of ${TOKEN_ENV_VAR}
  --base-url <url>      API root (default ${BASE_URL_ENV_VAR}, else https://api.cincopa.com/v2/)
  -h, --help            show this help

The token is read from ${TOKEN_ENV_VAR} or --token-file, never from a flag value
(it would stay in shell history), and it is never printed.
Exit codes: 0 success, 1 an API, network or output failure, 2 bad usage.`;

/** The usage of the whole CLI. */
export const USAGE = `Usage: cincopa-versions <command> [options]

Finds the versions (ver-N attachments) of Cincopa assets.

Commands:
  get <rid...>   an asset's versions, original and renditions
  audit          every asset's versions, with totals
  doctor         check the token and the configuration

Run \`cincopa-versions <command> --help\` for a command's options.

${CONNECTION}
`;

/** The usage of `get`. */
export const GET_USAGE = `Usage: cincopa-versions get <rid...> [--json]

Prints each asset's versions (ver-N attachments), its original and its renditions,
in the order given. A rid that fails is reported on stderr; the others still print.

Options:
  --json                JSON instead of text: one object for one rid; for several, one
                        array in the order given, a failed rid as { rid, error }

${CONNECTION}
`;

/** The usage of `audit`. */
export const AUDIT_USAGE = `Usage: cincopa-versions audit [options]

Lists every asset with its versions, original and renditions, then the totals.
Sizes that Cincopa does not report are counted as unknown, never as 0.

Options:
  --type <type>          only assets of this type (video, image, music, …)
  --search <text>        only assets matching this text
  --tag <tag>            only assets with this tag
  --only-versioned       print only assets with versions (the totals cover all)
  --format <format>      table (default), json, ndjson or csv
  --output <file>        write the data to this file instead of stdout, whole or not
                         at all: an existing file is replaced only when the audit completes
  --concurrency <n>      pages fetched at the same time, 1 to 16 (default 4)
  --items-per-page <n>   assets per request, 1 to 500 (default 50)

The data goes to stdout (or --output); a progress bar goes to stderr when it is a
terminal. The csv format leaves the totals out of the data and prints them on stderr.

${CONNECTION}
`;

/** The usage of `doctor`. */
export const DOCTOR_USAGE = `Usage: cincopa-versions doctor

Prints the configuration (the token masked), checks the token with ping.json, shows
what it may do, and lists one asset to prove that \`get\` and \`audit\` will work.

${CONNECTION}
`;
