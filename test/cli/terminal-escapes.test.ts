import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { printable, terminalLines } from '../../src/cli/printable.js';
import { type FakeCincopa, helpArticleAsset, startFakeCincopa } from '../../src/testing/index.js';
import { run } from './run.js';

const TOKEN = 'cli-escapes-SECRET-token';

// A bidi override, a C1 control sequence introducer, an escape, a bell and a bidi mark.
const HOSTILE = 'evil\u202eoc.exe\u009b31m\u001b]0;title\u0007\u200f\u2066x\u2069';
const RAW_CONTROLS =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('printable', () => {
  it('escapes C1 controls, bidirectional marks and isolates too', () => {
    expect(printable('\u009b\u0085\u200e\u200f\u2066\u2069\u061c')).toBe(
      '\\u009b\\u0085\\u200e\\u200f\\u2066\\u2069\\u061c',
    );
  });
});

describe('terminalLines', () => {
  it('keeps line breaks and escapes everything else', () => {
    expect(terminalLines('one\u202e\ntwo\r\n')).toBe('one\\u202e\ntwo\\r\n');
  });
});

describe('what the CLI prints on stderr', () => {
  let server: FakeCincopa;

  beforeAll(async () => {
    server = await startFakeCincopa({
      token: TOKEN,
      assets: [helpArticleAsset],
      faults: [
        {
          times: Infinity,
          fault: {
            kind: 'raw',
            body: JSON.stringify({ success: false, message: HOSTILE }),
            contentType: 'application/json',
          },
        },
      ],
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['get', ['get', 'ASSET_RID']],
    ['get with several rids', ['get', 'ASSET_RID', 'OTHER']],
    ['audit', ['audit']],
  ])('escapes control and bidi characters of a server message (%s)', async (_, args) => {
    const result = await run([...args, '--base-url', server.baseUrl], {
      CINCOPA_API_TOKEN: TOKEN,
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('evil\\u202eoc.exe\\u009b31m\\u001b]0;title\\u0007');
    expect(result.stderr).not.toMatch(RAW_CONTROLS);
  });

  it('escapes them in an unknown command', async () => {
    const result = await run(['get\u009b2J\u202e'], { CINCOPA_API_TOKEN: TOKEN });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command: get\\u009b2J\\u202e');
    expect(result.stderr).not.toMatch(RAW_CONTROLS);
  });

  it('escapes them in doctor, whose failed checks print on stdout', async () => {
    const doctorServer = await startFakeCincopa({
      token: TOKEN,
      faults: [
        {
          method: 'ping.json',
          fault: {
            kind: 'raw',
            body: JSON.stringify({ success: false, message: HOSTILE }),
            contentType: 'application/json',
          },
        },
      ],
    });

    const result = await run(['doctor', '--base-url', doctorServer.baseUrl], {
      CINCOPA_API_TOKEN: TOKEN,
    });
    await doctorServer.close();

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('evil\\u202eoc.exe');
    expect(result.stdout).not.toMatch(RAW_CONTROLS);
  });
});
