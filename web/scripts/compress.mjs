// Writes name.br and name.gz beside each text file of the built app (dist), once at build time,
// so the server sends what the browser accepts without compressing per request. A variant that
// would not be smaller is not written.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const text = /\.(html|js|mjs|css|json|svg|webmanifest|txt|map)$/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let before = 0;
let after = 0;
for (const path of files(dist)) {
  if (path.endsWith('.br') || path.endsWith('.gz')) {
    unlinkSync(path); // left from an earlier build
    continue;
  }
  if (!text.test(path)) continue;
  const bytes = readFileSync(path);
  const variants = {
    br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gz: gzipSync(bytes, { level: 9 }),
  };
  before += bytes.length;
  let smallest = bytes.length;
  for (const [ext, packed] of Object.entries(variants)) {
    if (packed.length >= bytes.length) continue;
    writeFileSync(`${path}.${ext}`, packed);
    smallest = Math.min(smallest, packed.length);
  }
  after += smallest;
}
if (process.argv.includes('--verbose')) console.log(`compressed ${before} bytes of text to ${after} (smallest variant of each)`);
