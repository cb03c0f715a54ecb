const VERSION = /\/\s*v?\d|\b\d+\.\d+/;
const ALWAYS = ['x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version'];
const DISPLAY: Record<string, string> = {
  'x-powered-by': 'X-Powered-By',
  'x-aspnet-version': 'X-AspNet-Version',
  'x-aspnetmvc-version': 'X-AspNetMvc-Version',
  server: 'Server',
};

/** Response headers that reveal the server's software: X-Powered-By, ASP.NET versions, a versioned Server. */
export function disclosingHeaders(headers: Readonly<Record<string, string>>): string[] {
  const found = ALWAYS.filter((name) => headers[name] !== undefined).map((name) => `${DISPLAY[name]}: ${headers[name]}`);
  const server = headers.server;
  if (server !== undefined && VERSION.test(server)) found.push(`Server: ${server}`);
  return found;
}
