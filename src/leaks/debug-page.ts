import { excerpt } from './texts.js';

/** A framework's debug or default error page, recognised by markup only that framework writes. */
export interface DebugPage {
  name: string;
  excerpt: string;
  /** True for pages that let a visitor run code (the Werkzeug debugger console). */
  critical: boolean;
}

const PAGES: { name: string; marker: RegExp; critical?: true }[] = [
  { name: 'the Django debug page (DEBUG = True)', marker: /You[’']re seeing this (?:error|message) because you have <code>DEBUG = True<\/code>/ },
  { name: 'the Django debug page (DEBUG = True)', marker: /<th[^>]*>Django Version:<\/th>|^Django Version: \d/m },
  {
    name: 'the Werkzeug debugger (it can run code)',
    marker: /\/\/ Werkzeug Debugger<\/title>|The debugger caught an exception in your WSGI application|\?__debugger__=yes&amp;cmd=resource/,
    critical: true,
  },
  { name: "Express's default error page", marker: /<title>Error<\/title>\s*<\/head>\s*<body>\s*<pre>/ },
  { name: "Spring Boot's Whitelabel error page", marker: /<h1>Whitelabel Error Page<\/h1>/ },
  { name: "ASP.NET's detailed error page", marker: /Server Error in '[^'\n]{0,200}' Application\./ },
  { name: "Rails' exception page", marker: /<title>Action Controller: Exception caught<\/title>/ },
  { name: 'the Whoops debug page (PHP)', marker: /Whoops! There was an error\./ },
];

const EXCERPT_CHARS = 200;

/** The debug or default error page a body is, if any. */
export function findDebugPage(body: string): DebugPage | undefined {
  for (const page of PAGES) {
    const match = page.marker.exec(body);
    if (match) return { name: page.name, excerpt: pageExcerpt(body, match.index), critical: page.critical ?? false };
  }
  return undefined;
}

function pageExcerpt(body: string, at: number): string {
  const pre = /<pre>([\s\S]{0,400})/.exec(body)?.[1]?.split('</pre>')[0];
  const title = /<title>([^<]{0,200})<\/title>/.exec(body)?.[1];
  const text = pre ?? title ?? body.slice(at, at + EXCERPT_CHARS);
  return excerpt(text.replace(/<br\s*\/?>/g, ' | ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim(), EXCERPT_CHARS);
}
