/** The envelope's `error.code` for each status, unless `errors.codes` says otherwise. */
const DEFAULT_CODES: Readonly<Record<number, readonly string[]>> = {
  400: ['validation_error', 'parse_error'],
  401: ['authentication_failed'],
  403: ['permission_denied'],
  404: ['not_found'],
  405: ['method_not_allowed'],
  415: ['unsupported_media_type'],
  429: ['throttled'],
  500: ['internal_server_error'],
};

/** The default code map with the configured entries replacing the defaults of their statuses. */
export function envelopeCodes(configured: Readonly<Record<string, string | string[]>> | undefined): Map<number, readonly string[]> {
  const codes = new Map<number, readonly string[]>(Object.entries(DEFAULT_CODES).map(([status, list]) => [Number(status), list]));
  for (const [status, list] of Object.entries(configured ?? {})) codes.set(Number(status), typeof list === 'string' ? [list] : list);
  return codes;
}
