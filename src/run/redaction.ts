import { identitySecrets } from '../auth/identities.js';
import type { Config } from '../config/schema.js';
import { createRedactor, type Redactor } from '../http/redact.js';
import type { ApiSpec } from '../spec/model.js';

/** The run's redactor: API-key names from the spec's security schemes, and every secret in the config. */
export function createRunRedactor(spec: ApiSpec, config: Config): Redactor {
  const schemes = Object.values(spec.securitySchemes).filter((s) => s.type === 'apiKey' && s.paramName);
  return createRedactor({
    headerNames: schemes.filter((s) => s.in === 'header').map((s) => s.paramName!),
    queryNames: schemes.filter((s) => s.in === 'query').map((s) => s.paramName!),
    secrets: Object.values(config.identities).flatMap(identitySecrets),
  });
}
