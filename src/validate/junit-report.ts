import type { Finding, ValidationReport } from './findings.js';

/**
 * The report as JUnit XML, for test-report actions: one test suite per
 * overlay, one test case per finding (failed for an error, skipped for a
 * warning), and one passing case for an overlay with none.
 */
export function toJUnitXml(report: ValidationReport): string {
  const suites = report.overlays.map((overlay) => {
    const seconds = ((overlay.renderMs + overlay.validateMs + (overlay.serverDryRunMs ?? 0)) / 1000).toFixed(3);
    const cases = [
      ...overlay.errors.map((finding) =>
        testCase(overlay.overlay, finding, `<failure message="${attribute(finding.message)}" type="${finding.rule}">${text(where(finding))}</failure>`),
      ),
      ...overlay.warnings.map((finding) => testCase(overlay.overlay, finding, `<skipped message="${attribute(`warning: ${finding.message}`)}"/>`)),
    ];
    if (cases.length === 0)
      cases.push(`    <testcase classname="${attribute(overlay.overlay)}" name="${attribute(`${overlay.resources} resources valid`)}" time="${seconds}"/>`);
    return (
      `  <testsuite name="${attribute(overlay.overlay)}" tests="${cases.length}" failures="${overlay.errors.length}" errors="0" ` +
      `skipped="${overlay.warnings.length}" time="${seconds}">\n` +
      `${cases.join('\n')}\n  </testsuite>`
    );
  });
  const failures = report.overlays.reduce((sum, overlay) => sum + overlay.errors.length, 0);
  const tests = report.overlays.reduce((sum, overlay) => sum + Math.max(1, overlay.errors.length + overlay.warnings.length), 0);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gitops-promote validate" tests="${tests}" failures="${failures}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  );
}

function testCase(overlay: string, finding: Finding, body: string): string {
  const name = `${finding.rule}: ${finding.resource ?? overlay}`;
  const file = finding.file ? ` file="${attribute(finding.file)}"${finding.line ? ` line="${finding.line}"` : ''}` : '';
  return `    <testcase classname="${attribute(overlay)}" name="${attribute(name)}"${file}>\n      ${body}\n    </testcase>`;
}

function where(finding: Finding): string {
  return finding.file ? `${finding.file}${finding.line ? `:${finding.line}` : ''}: ${finding.message}` : finding.message;
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
