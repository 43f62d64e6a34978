// Prints what the first load of the built app ships: the scripts and styles index.html pulls in,
// raw and gzipped. Screens loaded later (Progress, Recordings, Live, Library, Clinician) and the
// chart library they share are listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
const size = (f) => {
  const b = readFileSync(join(dist, f));
  return { raw: b.length, gz: gzipSync(b, { level: 9 }).length };
};
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
let js = 0;
let css = 0;
for (const f of first) {
  const s = size(f);
  if (f.endsWith('.js')) js += s.gz;
  else css += s.gz;
  console.log(`first load  ${f.padEnd(40)} ${kb(s.raw).padStart(9)} raw ${kb(s.gz).padStart(9)} gzipped`);
}
for (const f of readdirSync(join(dist, 'assets')).map((x) => 'assets/' + x).filter((x) => !first.includes(x) && !/\.(br|gz)$/.test(x))) {
  const s = size(f);
  console.log(`on demand   ${f.padEnd(40)} ${kb(s.raw).padStart(9)} raw ${kb(s.gz).padStart(9)} gzipped`);
}
console.log(`JavaScript for first load: ${kb(js)} gzipped (target under 150 KB); CSS ${kb(css)} gzipped`);
