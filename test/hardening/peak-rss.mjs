// Preloaded into a specgate child (NODE_OPTIONS=--import): at exit, writes the process's peak resident set
// size in KiB to the file named by SPECGATE_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.SPECGATE_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
