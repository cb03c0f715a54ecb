import { identitySecrets } from '../auth/identities.js';
import type { Config } from '../config/schema.js';
import { createRedactor, type Redactor } from '../http/redact.js';
import type { ApiSpec } from '../spec/model.js';

/** Names of headers in config `headers` whose values are treated as secrets (`X-Deploy-Token`, `Authorization`…). */
const CREDENTIAL_HEADER = /auth|pass|secret|token|key|credential|session|cookie|signature/i;

/**
 * The run's redactor: API-key names from the spec's security schemes, every secret of the identities, and the
 * values of credential-like headers the config adds to every request.
 */
export function createRunRedactor(spec: ApiSpec, config: Config): Redactor {
  const schemes = Object.values(spec.securitySchemes).filter((s) => s.type === 'apiKey' && s.paramName);
  const headerNames = schemes.filter((s) => s.in === 'header').map((s) => s.paramName!);
  const credentialHeaders = Object.entries(config.headers).filter(([name]) => CREDENTIAL_HEADER.test(name) || headerNames.some((n) => n.toLowerCase() === name.toLowerCase()));
  return createRedactor({
    headerNames,
    queryNames: schemes.filter((s) => s.in === 'query').map((s) => s.paramName!),
    secrets: [...Object.values(config.identities).flatMap(identitySecrets), ...credentialHeaders.map(([, value]) => value)],
  });
}
