/**
 * `npm run build`'s bundle: dist/index.js (what GitHub runs) and one lazily
 * loaded chunk per command, with esbuild. Deterministic: the same sources give
 * the same bytes (chunk names are content hashes), which the stale-dist check
 * of .ci/run relies on. Also writes dist/licenses.txt, the licences of every
 * package the bundle carries.
 *
 * Two features of @actions/core that the action never uses are left out of the
 * bundle: its OIDC token client (which pulls in an HTTP client) and its
 * runner-platform probe (which pulls in @actions/exec). Loading them cost more
 * than half of every run's start; calling them would throw a clear error.
 * And @actions/core's file commands (outputs, exported variables) take
 * node:crypto only for the random delimiter of a value: it is loaded when the
 * first delimiter is made, not at every start (a run that stops at an input
 * error writes no output file, and loading crypto cost a fifth of its start).
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { parse } from 'yaml';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const OUT = process.argv[2] ?? 'dist';

const UNUSED_CORE_FEATURES: Record<string, string> = {
  './oidc-utils.js': `export class OidcClient {
  static async getIDToken() { throw new Error('gitops-promote does not bundle @actions/core getIDToken'); }
}`,
  './platform.js': `export const platform = process.platform;
export const arch = process.arch;
export const isWindows = process.platform === 'win32';
export const isMacOS = process.platform === 'darwin';
export const isLinux = process.platform === 'linux';
export async function getDetails() { throw new Error('gitops-promote does not bundle @actions/core platform.getDetails'); }`,
};

/** Resolves @actions/core's imports of the features above to the small modules beside them. */
const leaveOutUnusedCoreFeatures: Plugin = {
  name: 'leave-out-unused-actions-core-features',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/(oidc-utils|platform)\.js$/ }, (args) =>
      args.importer.includes(`${sep}@actions${sep}core${sep}`) ? { path: args.path, namespace: 'unused-core-feature' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'unused-core-feature' }, (args) => ({ contents: UNUSED_CORE_FEATURES[args.path], loader: 'js' }));
  },
};

/** @actions/core's `import * as crypto from 'crypto'` (file-command.js), as a module that loads Node's crypto on first use. */
const loadCryptoForCoreOnFirstUse: Plugin = {
  name: 'load-crypto-for-actions-core-on-first-use',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      args.importer.includes(`${sep}@actions${sep}core${sep}`) ? { path: 'crypto', namespace: 'crypto-on-first-use' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'crypto-on-first-use' }, () => ({
      contents: "export function randomUUID() { return process.getBuiltinModule('node:crypto').randomUUID(); }",
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: ['src/index.ts'],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  // CommonJS dependencies inside an ES module bundle still call require() for Node's own modules.
  // Every chunk sits in the same folder, so they share one require function, made by the first chunk that loads.
  banner: {
    js: "const require = (globalThis[Symbol.for('gitops-promote.require')] ??= process.getBuiltinModule('node:module').createRequire(import.meta.url));",
  },
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  metafile: true,
  plugins: [leaveOutUnusedCoreFeatures, loadCryptoForCoreOnFirstUse],
  logLevel: 'warning',
});

writeFileSync(join(OUT, 'package.json'), '{"type": "module"}\n');
// The CLI's flags and --help come from action.yml's inputs; as JSON, the CLI reads them without a YAML parser.
writeFileSync(join(OUT, 'action-inputs.json'), `${JSON.stringify((parse(readFileSync('action.yml', 'utf8')) as { inputs: unknown }).inputs, null, 2)}\n`);
writeFileSync(join(OUT, 'licenses.txt'), licensesOf(result.metafile));
if (process.env.BUNDLE_METAFILE) writeFileSync(process.env.BUNDLE_METAFILE, JSON.stringify(result.metafile));

/** Every bundled package once, by name: its name, its licence identifier, and its licence text. */
function licensesOf(metafile: Metafile): string {
  const packages = new Map<string, string>();
  for (const input of Object.keys(metafile.inputs)) {
    const folder = packageFolderOf(input);
    if (folder) packages.set(folder, folder);
  }
  const entries = [...packages.keys()]
    .map((folder) => {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; license?: string };
      const licenseFile = readdirSync(folder).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
      const text = licenseFile ? readFileSync(join(folder, licenseFile), 'utf8').trim() : '';
      return { name: manifest.name, text: `${manifest.name}\n${manifest.license ?? 'UNKNOWN'}\n${text}` };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const unique = entries.filter((entry, index) => index === 0 || entry.name !== entries[index - 1].name);
  return `${unique.map((entry) => entry.text).join('\n\n')}\n`;
}

/** The folder of the package an input file belongs to (the nearest package.json with a name under node_modules). */
function packageFolderOf(input: string): string | undefined {
  if (!input.includes('node_modules/')) return undefined;
  for (let folder = dirname(input); folder.includes('node_modules'); folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name) return relative('.', folder);
  }
  return undefined;
}
