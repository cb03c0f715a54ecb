import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRegistryApp } from './app.js';

/** Starts the example API on 127.0.0.1 and a free port. */
export async function startRegistry(): Promise<{ server: Server; baseUrl: string }> {
  const server = createRegistryApp().listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}
