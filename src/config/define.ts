import type { ConfigInput } from './schema.js';

/**
 * Gives a config file types; returns its argument unchanged.
 *
 * @example
 * // specgate.config.ts
 * import { defineConfig } from 'specgate';
 * export default defineConfig({ spec: './openapi.json', baseUrl: 'http://127.0.0.1:8000' });
 */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}
