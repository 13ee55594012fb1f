import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUNDLE_CEILING_KIB, SIZE_TARGETS } from '../../bench/budgets';
import { tableRows } from '../../bench/report';
import { BUNDLE_ROW, PACKAGE_ROW_PREFIX } from '../../bench/sizes';

// This file runs from out/test/unit/; the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The KiB a report row's value starts with ("182.0 KiB (measured alone …)"). */
function kib(value: string): number {
  const match = /^([\d.]+) KiB\b/.exec(value);
  assert.ok(match, `"${value}" does not start with a size in KiB`);
  return Number(match[1]);
}

describe('the latest benchmark report keeps the sizes within their budgets', () => {
  const rows = tableRows(readFileSync(path.join(ROOT, 'docs/benchmarks.md'), 'utf8'));
  const bundle = rows.find((row) => row.what === BUNDLE_ROW);
  const vsix = rows.find((row) => row.what.startsWith(PACKAGE_ROW_PREFIX) && row.what.endsWith('.vsix'));

  it('reads the bundle and package rows of docs/benchmarks.md', () => {
    assert.ok(bundle, `docs/benchmarks.md has no "${BUNDLE_ROW}" row`);
    assert.ok(vsix, 'docs/benchmarks.md has no package row');
    assert.equal(kib('246.0 KiB (before)'), 246);
  });

  it(`has the bundle within ${BUNDLE_CEILING_KIB} KiB (its target, ${SIZE_TARGETS.bundleKiB} KiB, is not met yet)`, () => {
    assert.ok(kib(bundle?.value ?? '') <= BUNDLE_CEILING_KIB, `the bundle is ${bundle?.value}, over ${BUNDLE_CEILING_KIB} KiB`);
  });

  it(`has the .vsix within ${SIZE_TARGETS.vsixKiB} KiB`, () => {
    assert.ok(kib(vsix?.value ?? '') <= SIZE_TARGETS.vsixKiB, `the package is ${vsix?.value}, over ${SIZE_TARGETS.vsixKiB} KiB`);
  });
});
