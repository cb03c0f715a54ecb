import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createJiti } from 'jiti';

/**
 * Imports a project's own module (a config or suite file in TypeScript or JavaScript) and returns its default
 * export. `import … from 'specgate'` inside it gets the specgate that is running, whichever copy the project
 * has installed, so its checks and helpers are the ones this run uses.
 */
export async function importProjectModule(file: string): Promise<unknown> {
  const specgate: Record<string, unknown> = await import('../index.js');
  const jiti = createJiti(import.meta.url, { interopDefault: true, moduleCache: false, virtualModules: { specgate } });
  return jiti.import<unknown>(pathToFileURL(path.resolve(file)).href, { default: true });
}
