// Validates FHIR R4 JSON files with the `fhir` package (FHIR.js), which checks every resource of
// a Bundle against the R4 structure definitions it ships: element names (unknown ones are errors
// here), cardinality, data types and required value-set bindings. Exits 1 when any file has an
// error; warnings (codes it cannot look up, such as LOINC's) are printed and allowed.
//
// usage: node scripts/validate-fhir.mjs FILE.json...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Fhir } = require('fhir');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/validate-fhir.mjs FILE.json...');
  process.exit(2);
}

const fhir = new Fhir();
let failed = false;
for (const file of files) {
  let resource;
  try {
    resource = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  const errors = result.messages.filter((m) => m.severity === 'error');
  const warnings = result.messages.filter((m) => m.severity === 'warning');
  for (const m of [...errors, ...warnings]) {
    console.error(`${file}: ${m.severity}: ${m.location} (${m.resourceId}): ${m.message}`);
  }
  if (!result.valid || errors.length > 0) {
    failed = true;
  } else {
    const entries = Array.isArray(resource.entry) ? resource.entry.length : 0;
    console.log(`${file}: valid FHIR R4 ${resource.resourceType} (${entries} entries, ${warnings.length} warnings)`);
  }
}
process.exit(failed ? 1 : 0);
