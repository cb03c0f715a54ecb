const UNIX_FILE =
  /(?:^|[\s"'(=:,[])(\/(?:home|Users|root|var|usr|opt|srv|app|workspace|code|tmp|mnt|build)\/[\w.@+~-]+(?:\/[\w.@+~-]+)*\.[A-Za-z]{1,8})(?=$|[\s"'):,\]])/m;
const PACKAGE_DIR = /(?:^|[\s"'(=:,[])((?:[A-Za-z]:)?[\\/][^\s"'()]{0,200}[\\/](?:node_modules|site-packages|dist-packages)[\\/][^\s"'()]{1,200})/m;
const WINDOWS_FILE = /\b([A-Z]:\\(?:[\w .()-]{1,100}\\){1,20}[\w .()-]{1,100}\.[A-Za-z]{1,8})\b/;

/** An absolute server file path in a text (a source file, a deployment directory, an installed package), if any. */
export function findInternalPath(text: string): string | undefined {
  for (const pattern of [UNIX_FILE, PACKAGE_DIR, WINDOWS_FILE]) {
    const found = pattern.exec(text)?.[1];
    if (found) return found;
  }
  return undefined;
}
