import { UsageError } from '../errors.js';

/** Refuses a URL whose host is neither the base URL's nor in safety.allowHosts. */
export function assertAllowed(url: string, hosts: string[]): void {
  const target = new URL(url);
  if (!hosts.includes(target.host) && !hosts.includes(target.hostname)) {
    throw new UsageError('SPECGATE_HOST_NOT_ALLOWED', `${target.origin} is not the base URL's host nor in safety.allowHosts`, {
      hint: `add "${target.hostname}" to safety.allowHosts in the config if specgate may contact it`,
    });
  }
}
