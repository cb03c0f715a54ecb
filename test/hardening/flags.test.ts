import { describe, expect, test } from 'vitest';
import { runCli } from '../cli/cli.js';
import { STACK_TRACE } from './gate.js';

const SPEC = 'test/fixtures/paths/catalog.openapi.json';
const TARGET = ['--spec', SPEC, '--base-url', 'http://127.0.0.1:9'];
const USAGE_LINE = 'usage: specgate <command> [options]';

describe.concurrent('every invalid use of the command line: exit 2, what is wrong, the usage line', () => {
  test.each([
    [['run', '--nope'], /Unknown option '--nope'/],
    [['run', '--spec'], /Option '--spec <value>' argument missing/],
    [['run', '--timeout', '0'], /--timeout 0: expected a whole number 1\.\.600000/],
    [['run', '--max-duration', '0'], /--max-duration 0: expected a whole number 1\.\.86400/],
    [['run', '--shard', '3/2'], /--shard 3\/2: expected I\/N with 1 <= I <= N/],
    [['run', '--reporter', 'xml'], /--reporter xml: expected one of console, json, junit, html, github/],
    [['run', '--fail-on', 'never'], /--fail-on never: expected error or warning/],
    [['run', '--baseline', 'a.json', '--update-baseline', 'b.json'], /--baseline with --update-baseline/],
    [['run', '--dry-run', '--json', 'report.json'], /--dry-run with --json: a dry run sends nothing/],
    [['run', 'extra'], /unexpected argument "extra"/],
    [['run', '--spec', SPEC], /no base URL: pass --base-url/],
    [['run', '--spec', SPEC, '--base-url', 'ftp://x'], /--base-url ftp:\/\/x: expected an http\(s\) URL/],
    [['run', ...TARGET, '--check', 'paths.resolvs'], /--check paths\.resolvs: no check has that id/],
    [['list', ...TARGET, '--suite', 'pathz'], /--suite pathz: no check family has that name/],
    [['explain', 'paths.nope'], /unknown check "paths\.nope"/],
    [['merge'], /merge needs the JSON reports to join/],
    [['deploy'], /unknown command "deploy"/],
  ])('%j', async (args, says) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(says);
    expect(run.stderr).toContain(USAGE_LINE);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  test('no command at all: the usage, exit 2', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(USAGE_LINE);
  });
});
