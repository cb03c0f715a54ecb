export const USAGE = `usage: specgate <command> [options]

commands:
  run       run the contract gate against an API
  list      operations and the checks planned for each (no traffic)
  init      write a starter config from the spec: specgate init [--spec PATH|URL] [--base-url URL]
            [--config FILE (.json|.yaml|.ts, default specgate.config.json)] [--force]
  explain   what a check asserts and why: specgate explain CHECK_ID
  merge     join JSON reports of sharded runs: specgate merge REPORT.json ... [--json|--junit|--html FILE]
            [--reporter console|json|junit|html|github] [--spec PATH] [--fail-on error|warning]

run options:
  --spec PATH|URL          OpenAPI document (default: config "spec", else discovered from the base URL)
  --base-url URL           API under test (default: config "baseUrl")
  --config FILE            config file (default: specgate.config.{ts,js,json,yaml} in the working directory)
  --suite LIST             families: paths,auth,tenancy,throttle,errors
  --check ID,...           only these check ids
  --reporter NAME ...      console|json|junit|html|github (repeatable or comma-separated)
  --out DIR                directory for json/junit/html reporters named without a file
  --json FILE --junit FILE --html FILE
  --concurrency N          parallel requests (default 8)
  --timeout MS             per-request timeout (default 10000)
  --shard I/N              run the I-th of N deterministic shards of the operations
  --fail-on error|warning  which findings fail the gate (default error)
  --baseline FILE          accepted findings that do not fail the gate (default: config "baseline")
  --update-baseline FILE   write the run's failures to FILE as the new baseline
  --allow-destructive      also send POST/PUT/PATCH/DELETE
  --max-wait SECONDS       longest wait for Retry-After and throttle recovery (default 65)
  --max-duration SECONDS   stop the run after this long and report what it has (exit 1)
  --dry-run                plan only, send nothing
  --verbose                list passing and skipped results too

exit codes: 0 the gate passes · 1 a check failed or did not run · 2 usage, config or spec error
            130/143 interrupted by SIGINT/SIGTERM (the report written holds what had finished)`;
