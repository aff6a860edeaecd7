import { InputError } from '../errors.js';
import { DEFAULT_IMAGE_PATHS, PIN_KINDS, type ImagePaths, type Pin, type PinKind } from '../types.js';
import { readList } from './read-inputs.js';

/** The inputs that name pins for one run, one per kind, as `overlays` names overlays. */
export const PIN_INPUTS: readonly PinKind[] = PIN_KINDS;

const IMAGE_PARTS = ['repository', 'tag', 'digest', 'reference'] as const satisfies ReadonlyArray<keyof ImagePaths>;
const SELF_DESCRIBING: readonly PinKind[] = ['argocd-application', 'image-setters'];

/** Every pin the workflow names, in input order; [] when it names none. */
export function readPinInputs(): Pin[] {
  return PIN_INPUTS.flatMap((kind) => readList(kind).map((text) => parsePinInput(kind, text)));
}

/**
 * One pin named by an input: `[image=]file[#where]`. `image=` says which
 * image the pin holds (else the one image argument, or the image whose
 * repository the file holds); `#where` says where in a Helm file its parts are:
 * `#image` (the mapping that holds repository, tag and digest), `#image.tag`
 * (a path ending in `tag`: the tag alone), or `#tag=app.version,repository=app.image`.
 */
export function parsePinInput(kind: PinKind, text: string): Pin {
  const source = text.trim();
  const hash = source.indexOf('#');
  const head = hash < 0 ? source : source.slice(0, hash);
  const where = hash < 0 ? '' : source.slice(hash + 1).trim();
  const eq = head.indexOf('=');
  const name = eq < 0 ? '' : head.slice(0, eq).trim();
  const file = (eq < 0 ? head : head.slice(eq + 1)).trim().replace(/^\.\//, '');
  if (!file)
    throw new InputError(kind, `'${source}' names no file; write ${kind === 'helm-values' ? 'environments/production/values.yaml#image.tag' : 'a path'}.`);
  if (SELF_DESCRIBING.includes(kind) && (name || where)) {
    throw new InputError(kind, `'${source}': ${kind} says in its file which images it holds; give the file alone.`);
  }
  const images = SELF_DESCRIBING.includes(kind) ? [] : [{ name, paths: where ? pathsOf(kind, source, where) : DEFAULT_IMAGE_PATHS }];
  return { kind, file, images, digestInTag: false, origin: `Input '${kind}'` };
}

function pathsOf(kind: PinKind, source: string, where: string): ImagePaths {
  if (where.includes('=')) {
    const paths: ImagePaths = {};
    for (const pair of where.split(',')) {
      const [part, path] = pair.split('=').map((piece) => piece.trim());
      if (!IMAGE_PARTS.includes(part as (typeof IMAGE_PARTS)[number]) || !path) {
        throw new InputError(kind, `'${source}': '${pair}' is not one of ${IMAGE_PARTS.map((p) => `${p}=<path>`).join(', ')}.`);
      }
      paths[part as keyof ImagePaths] = path;
    }
    return paths;
  }
  if (/(^|\.)tag$/.test(where)) return { tag: where };
  return { repository: `${where}.repository`, tag: `${where}.tag`, digest: `${where}.digest` };
}

/**
 * Input pins that say no image: with one image argument, they hold that
 * image (marked so, and the editor refuses a file that holds another
 * repository); with several, a pin whose paths name no repository cannot tell which
 * it holds (a Helm file with a repository is matched by what it holds).
 */
export function nameInputPins(pins: readonly Pin[], imageNames: readonly string[]): Pin[] {
  return pins.map((pin) => {
    if (pin.images.every((image) => image.name)) return pin;
    if (imageNames.length === 1) {
      return { ...pin, images: pin.images.map((image) => (image.name ? image : { ...image, name: imageNames[0], nameFromArgument: true })) };
    }
    const blind = pin.images.find((image) => !image.name && !image.paths.repository && !image.paths.reference);
    if (blind) {
      throw new InputError(pin.kind, `${pin.file} names no repository path, and images sets ${imageNames.length}; say which it holds: web=${pin.file}#…`);
    }
    return pin;
  });
}
