import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { parseImageArguments } from '../../src/kustomize/image-argument.js';
import { splitImageReference } from '../../src/kustomize/image-reference.js';
import { parseKustomization } from '../../src/kustomize/kustomization-document.js';
import { collectRenderedImages, findRenderer, renderOverlay, type Renderer } from '../../src/kustomize/render.js';
import { setImagesInKustomization } from '../../src/kustomize/set-image-edit.js';
import { mapWithConcurrency } from '../helpers/concurrency.js';
import { lineDiff } from '../helpers/line-diff.js';
import { contractPath, describeWithShared, sharedAvailable } from '../helpers/shared-contracts.js';
import type { ImageFieldValues } from '../../src/types.js';

/** Real-world kustomizations (`../shared/contracts/kustomize-corpus`), edited in a temp copy and rendered with kubectl. */

interface CorpusItem {
  id: string;
  kustomization: string;
  render_dir: string | null;
  renderable: boolean;
  images_in_render?: string[];
  images_entries: Array<Record<string, string>>;
  expected_after_edit?: string[];
  features: string[];
}

const CORPUS = 'kustomize-corpus';
const items: CorpusItem[] = sharedAvailable ? (JSON.parse(readFileSync(contractPath(CORPUS, 'index.json'), 'utf8')) as { items: CorpusItem[] }).items : [];
const SHA = `sha256:${'c'.repeat(64)}`;
const FIELD_LINE = /^\s*(-\s+)?(name|newName|newTag|digest|newDigest)\s*:/i;

/** The argument forms tried on every entry, and what kustomize leaves in the entry after each. */
const VARIANTS: Array<{ label: string; arg: (name: string) => string; after: (before: ImageFieldValues) => ImageFieldValues }> = [
  { label: 'new tag', arg: (n) => `${n}:9.9.9-promo`, after: () => ({ newName: '', newTag: '9.9.9-promo', digest: '' }) },
  { label: 'new tag and digest, newName kept', arg: (n) => `${n}=*:v-promo@${SHA}`, after: (b) => ({ newName: b.newName, newTag: 'v-promo', digest: SHA }) },
  { label: '*:tag', arg: (n) => `${n}=*:v-star`, after: (b) => ({ newName: b.newName, newTag: 'v-star', digest: '' }) },
  {
    label: 'newName change, tag kept',
    arg: (n) => `${n}=registry.example.com/promo/app:*`,
    after: (b) => ({ newName: 'registry.example.com/promo/app', newTag: b.newTag, digest: '' }),
  },
];

const topFolder = (path: string): string => path.split('/')[0];

describeWithShared('kustomize corpus (../shared/contracts/kustomize-corpus)', () => {
  let workdir = '';
  let renderer: Renderer | null = null;
  const sources = new Map<string, string>();

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), 'kustomize-corpus-'));
    renderer = await findRenderer();
    for (const item of items) sources.set(item.id, await readFile(contractPath(CORPUS, item.kustomization), 'utf8'));
  });

  afterAll(async () => {
    if (workdir) await rm(workdir, { recursive: true, force: true });
  });

  test('the corpus has items, most of them renderable', () => {
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((item) => item.renderable).length).toBeGreaterThan(items.length / 2);
  });

  test.each(items.map((item) => [item.id, item] as const))('%s: each edit changes exactly its entry, on as few lines as it must', (_id, item) => {
    const source = sources.get(item.id)!;
    const before = parseKustomization(source, item.kustomization).entries;
    expect(before.map((entry) => entry.name)).toEqual(item.images_entries.map((entry) => entry.name));
    for (const [index, entry] of before.entries()) {
      for (const variant of VARIANTS) {
        const expected = variant.after(entry);
        const { text } = setImagesInKustomization(source, parseImageArguments([variant.arg(entry.name)]), item.kustomization);
        const after = parseKustomization(text, item.kustomization).entries;
        expect(after).toHaveLength(before.length);
        after.forEach((other, at) => {
          const { newName, newTag, digest } = at === index || other.name === entry.name ? expected : before[at];
          const want = { newName, newTag, digest };
          expect({ at, name: other.name, newName: other.newName, newTag: other.newTag, digest: other.digest }).toEqual({ at, name: before[at].name, ...want });
        });
        const fields = (['newName', 'newTag', 'digest'] as const).filter((field) => entry[field] !== expected[field]).length;
        const sameName = before.filter((other) => other.name === entry.name).length;
        const diff = lineDiff(source, text);
        // One line per changed field; a removed first key pulls the next key onto the `- ` line.
        expect(diff.added.length).toBeLessThanOrEqual((fields + 1) * sameName);
        expect(diff.removed.length).toBeLessThanOrEqual((fields + 1) * sameName);
        expect(diff.added.length + diff.removed.length).toBeGreaterThanOrEqual(fields);
        for (const line of [...diff.added, ...diff.removed]) expect(line).toMatch(FIELD_LINE);
        expect(text.includes('\r\n')).toBe(source.includes('\r\n'));
        expect(text.endsWith('\n')).toBe(source.endsWith('\n') || (source === '' && text !== ''));
      }
    }
  });

  const withExpected = items.filter((item) => item.expected_after_edit?.length);
  test.each(withExpected.map((item) => [item.id, item] as const))('%s: the images block matches the upstream expected file', async (_id, item) => {
    const expectedText = await readFile(contractPath(CORPUS, item.expected_after_edit![0]), 'utf8');
    const expectedDoc = parseKustomization(expectedText, item.expected_after_edit![0]);
    const args = expectedDoc.entries.map(
      (entry) => `${entry.name}=${entry.newName || '*'}${entry.newTag ? `:${entry.newTag}` : ''}${entry.digest ? `@${entry.digest}` : ''}`,
    );
    const { text } = setImagesInKustomization(sources.get(item.id)!, parseImageArguments(args), item.kustomization);
    expect(imagesBlock(text)).toBe(imagesBlock(expectedText));
    expect(imagesBlock(text)).toContain('# {"$imagepolicy"');
  });

  const renderable = items.filter((item) => item.renderable && item.render_dir);
  test('renderable items: the edit shows up in the render exactly where intended', async () => {
    expect(renderer).not.toBeNull();
    const failures: string[] = [];
    // One copy per source repository; its items run one after another (one's render may read another's file),
    // each restoring its file afterwards, and repositories run in parallel.
    const byFolder = new Map<string, CorpusItem[]>();
    for (const item of renderable) byFolder.set(topFolder(item.kustomization), [...(byFolder.get(topFolder(item.kustomization)) ?? []), item]);
    await mapWithConcurrency([...byFolder.entries()], 3, async ([folder, folderItems]) => {
      await cp(contractPath(CORPUS, folder), join(workdir, folder), { recursive: true });
      for (const item of folderItems) {
        await checkItem(item);
        await writeFile(join(workdir, item.kustomization), sources.get(item.id)!);
      }
    });
    expect(failures).toEqual([]);

    async function checkItem(item: CorpusItem): Promise<void> {
      const copy = workdir;
      const renderDir = join(copy, item.render_dir!);
      const beforeRender = await renderOverlay(renderer!, renderDir);
      if (!beforeRender.ok) return void failures.push(`${item.id}: before: ${beforeRender.error}`);
      // images_in_render lists every `image:` value, custom transformer paths included; so must the render check.
      const beforeImages = everyImageValue(beforeRender.yaml);
      if (JSON.stringify(beforeImages) !== JSON.stringify(item.images_in_render)) failures.push(`${item.id}: before ${JSON.stringify(beforeImages)}`);
      const collected = collectRenderedImages(beforeRender.yaml);
      if (JSON.stringify(collected) !== JSON.stringify(item.images_in_render)) failures.push(`${item.id}: collected ${JSON.stringify(collected)}`);

      const source = sources.get(item.id)!;
      const entries = parseKustomization(source, item.kustomization).entries;
      const { text } = setImagesInKustomization(source, parseImageArguments(entries.map((entry) => `${entry.name}=*:v-promo`)), item.kustomization);
      await writeFile(join(copy, item.kustomization), text);
      const afterRender = await renderOverlay(renderer!, renderDir);
      if (!afterRender.ok) return void failures.push(`${item.id}: after: ${afterRender.error}`);
      const afterImages = everyImageValue(afterRender.yaml);

      // An image the entry produced before (its name, and its tag or digest where the entry set one) now carries the new tag;
      // every other image (other entries' files, paths kustomize does not rewrite) is unchanged.
      const producedBy = (image: string) =>
        entries.some((entry) => {
          const ref = splitImageReference(image);
          if (ref.name !== (entry.newName || entry.name)) return false;
          if (entry.newTag && !ref.tag.startsWith(entry.newTag)) return false;
          return !entry.digest || ref.digest === entry.digest;
        });
      const expected = [...new Set(beforeImages.map((image) => (producedBy(image) ? `${splitImageReference(image).name}:v-promo` : image)))].sort();
      if (JSON.stringify(afterImages) !== JSON.stringify(expected)) {
        failures.push(`${item.id}: after ${JSON.stringify(afterImages)}, expected ${JSON.stringify(expected)}`);
      }
    }
  });

  test('a Component renders nothing on its own', () => {
    for (const item of items.filter((candidate) => candidate.features.includes('kind:Component'))) {
      expect(item.images_in_render ?? []).toEqual([]);
      expect(sources.get(item.id)).toMatch(/kind:\s*Component/);
    }
  });
});

/** Every `image:` string value (and image volume reference) in rendered manifests, sorted and unique. */
function everyImageValue(yaml: string): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'image' && typeof value === 'string') found.add(value);
        visit(value);
      }
    }
  };
  for (const document of parseAllDocuments(yaml)) if ('contents' in document) visit(document.toJS());
  return [...found].sort();
}

/** The `images:` field's lines: from `images:` to the next line at column 0 that is not part of the list. */
function imagesBlock(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^images\s*:/.test(line));
  let end = start + 1;
  while (end < lines.length && /^(\s|-)/.test(lines[end])) end += 1;
  return lines.slice(start, end).join('\n');
}
