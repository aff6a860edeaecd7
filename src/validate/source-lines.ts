import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { kustomizationClosure } from './kustomization-references.js';
import { fieldText } from './rendered-resources.js';
import { splitPointer } from './schema-validation.js';

/**
 * Traces a field of a rendered resource back to the file and line it was
 * written in: the outermost patch that sets the field if one does, else the
 * resource's own file (from kustomize's origin annotation), at the deepest part
 * of the path that file has.
 */

export interface SourceLocation {
  /** Absolute path. */
  file: string;
  line: number;
}

interface ParsedFile {
  documents: Document.Parsed[];
  lines: LineCounter;
}

export class SourceLocator {
  private readonly files = new Map<string, ParsedFile | undefined>();

  /** Where `pointer` of `rendered` comes from; undefined when nothing can be traced. */
  locate(overlayDir: string, rendered: Record<string, unknown>, originFile: string | undefined, pointer: string): SourceLocation | undefined {
    const segments = splitPointer(pointer);
    const { kind, name: renderedName, apiVersion } = identityOf(rendered);
    const origin = originFile ? this.findDocument(originFile, kind, renderedName, apiVersion) : undefined;
    const sourceName = origin ? nameOf(origin.document) : renderedName;

    if (segments.length > 0) {
      for (const kustomization of kustomizationClosure(overlayDir)) {
        for (const patch of [...kustomization.patches].reverse()) {
          if (patch.target?.kind && patch.target.kind !== kind) continue;
          if (patch.target?.name && patch.target.name !== sourceName && !renderedName.includes(patch.target.name)) continue;
          const found = this.inPatch(patch.file, kind, sourceName, rendered, segments, patch.target !== undefined);
          if (found) return found;
        }
      }
    }
    if (!origin || !originFile) return undefined;
    const node = deepestNode(origin.document, rendered, segments) ?? origin.document.contents;
    return { file: originFile, line: lineOf(origin.parsed, node) };
  }

  /** The line of a resource's first line in its file (for findings about a whole object). */
  locateResource(rendered: Record<string, unknown>, originFile: string | undefined): SourceLocation | undefined {
    if (!originFile) return undefined;
    const { kind, name, apiVersion } = identityOf(rendered);
    const found = this.findDocument(originFile, kind, name, apiVersion);
    return found ? { file: originFile, line: lineOf(found.parsed, found.document.contents) } : { file: originFile, line: 1 };
  }

  /**
   * The `images:` entry that sets a rendered image, in the outermost
   * kustomization that has one: where a tag or digest is chosen, so where a
   * finding about it belongs.
   */
  locateImageEntry(overlayDir: string, imageName: string, field: 'newTag' | 'digest'): SourceLocation | undefined {
    for (const kustomization of kustomizationClosure(overlayDir)) {
      const parsed = this.read(kustomization.file);
      const images = parsed?.documents[0]?.get('images');
      if (!parsed || !isSeq(images)) continue;
      for (const entry of images.items) {
        if (!isMap(entry)) continue;
        const name = entry.get('newName') ?? entry.get('name');
        if (name !== imageName) continue;
        const pair = entry.items.find((item) => isScalar(item.key) && item.key.value === field);
        return { file: kustomization.file, line: lineOf(parsed, (pair?.key as Node | undefined) ?? entry) };
      }
    }
    return undefined;
  }

  private inPatch(
    file: string,
    kind: string,
    name: string,
    rendered: Record<string, unknown>,
    segments: string[],
    targeted: boolean,
  ): SourceLocation | undefined {
    const parsed = this.read(file);
    if (!parsed) return undefined;
    for (const document of parsed.documents) {
      const contents = document.contents;
      if (isSeq(contents)) {
        // A JSON 6902 patch: the operation whose path is the field or one of its parents.
        const pointer = `/${segments.join('/')}`;
        for (const operation of contents.items) {
          if (!isMap(operation)) continue;
          const path: unknown = operation.get('path');
          if (typeof path === 'string' && (pointer === path || pointer.startsWith(`${path}/`))) return { file, line: lineOf(parsed, operation) };
        }
        continue;
      }
      if (!targeted && (document.getIn(['kind']) !== kind || nameOf(document) !== name)) continue;
      const node = exactNode(document, rendered, segments);
      if (node) return { file, line: lineOf(parsed, node) };
    }
    return undefined;
  }

  private findDocument(file: string, kind: string, renderedName: string, apiVersion?: string): { parsed: ParsedFile; document: Document.Parsed } | undefined {
    const parsed = this.read(file);
    if (!parsed) return undefined;
    const sameKind = parsed.documents.filter((document) => document.getIn(['kind']) === kind);
    const sameVersion = apiVersion === undefined ? [] : sameKind.filter((document) => document.getIn(['apiVersion']) === apiVersion);
    const candidates = sameVersion.length > 0 ? sameVersion : sameKind;
    // kustomize may add a prefix or suffix to the name; the longest source name inside the rendered one is the best match.
    const ranked = candidates
      .map((document) => ({ document, name: nameOf(document) }))
      .filter(({ name }) => name !== '' && renderedName.includes(name))
      .sort((a, b) => b.name.length - a.name.length);
    const document = ranked.length > 0 ? ranked[0].document : candidates.length === 1 ? candidates[0] : undefined;
    return document ? { parsed, document } : undefined;
  }

  private read(file: string): ParsedFile | undefined {
    if (!this.files.has(file)) {
      try {
        const lines = new LineCounter();
        const documents = parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter: lines });
        this.files.set(file, { documents, lines });
      } catch {
        this.files.set(file, undefined);
      }
    }
    return this.files.get(file);
  }
}

function identityOf(rendered: Record<string, unknown>): { kind: string; name: string; apiVersion: string } {
  const metadata = typeof rendered.metadata === 'object' && rendered.metadata !== null ? (rendered.metadata as Record<string, unknown>) : {};
  return { kind: fieldText(rendered.kind), name: fieldText(metadata.name), apiVersion: fieldText(rendered.apiVersion) };
}

function nameOf(document: Document.Parsed): string {
  const name = document.getIn(['metadata', 'name']);
  return typeof name === 'string' ? name : '';
}

/** The node at the full path, or undefined. */
function exactNode(document: Document.Parsed, rendered: unknown, segments: readonly string[]): Node | undefined {
  const walked = walk(document.contents, rendered, segments);
  return walked.depth === segments.length ? walked.node : undefined;
}

/** The node at the longest prefix of the path that the document has. */
function deepestNode(document: Document.Parsed, rendered: unknown, segments: readonly string[]): Node | undefined {
  return walk(document.contents, rendered, segments).node ?? undefined;
}

/**
 * Walks source and rendered object side by side. A list index in the rendered
 * object is matched to the source item with the same `name` (the merge key of
 * containers, env, volumes, ports…), since patches can reorder lists.
 */
function walk(root: unknown, rendered: unknown, segments: readonly string[]): { node: Node | undefined; depth: number } {
  let node = root as Node | undefined;
  let value = rendered;
  let depth = 0;
  for (const segment of segments) {
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      // The key's own line reads best: `replicas: "3"` rather than the value after it.
      const last = depth === segments.length - 1;
      next = pair ? ((last || !pair.value ? pair.key : pair.value) as Node) : undefined;
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      const item = Array.isArray(value) ? (value[Number(segment)] as { name?: unknown } | undefined) : undefined;
      const byName =
        item && typeof item === 'object' && typeof item.name === 'string'
          ? node.items.find((candidate) => isMap(candidate) && candidate.get('name') === item.name)
          : undefined;
      next = (byName ?? node.items[Number(segment)]) as Node | undefined;
    }
    if (!next) break;
    node = next;
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    depth++;
  }
  return { node: depth > 0 ? node : undefined, depth };
}

function lineOf(parsed: ParsedFile, node: Node | null | undefined): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : parsed.lines.linePos(offset).line;
}
