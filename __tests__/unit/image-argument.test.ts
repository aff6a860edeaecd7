import { describe, expect, test } from '@jest/globals';
import { InputError, UserError } from '../../src/errors.js';
import { KEEP, parseImageArgument, parseImageArguments } from '../../src/kustomize/image-argument.js';

const SHA = `sha256:${'a'.repeat(64)}`;
const SHA_B = `sha256:${'b'.repeat(64)}`;

describe('parseImageArgument: the forms of `kustomize edit set image`', () => {
  test.each([
    // <image>=<newimage>:<newtag>
    ['postgres=eu.gcr.io/my-project/postgres:latest', 'postgres', 'eu.gcr.io/my-project/postgres', 'latest', ''],
    // <image>=<newimage>@<digest>
    [`my-app=my-registry/my-app@${SHA}`, 'my-app', 'my-registry/my-app', '', SHA],
    // <image>=<newimage>:<newtag>@<digest>
    [`image1=my-image1:my-tag@${SHA}`, 'image1', 'my-image1', 'my-tag', SHA],
    // <image>=<newimage>
    ['mysql=mariadb', 'mysql', 'mariadb', '', ''],
    // <image>:<newtag>
    ['node:8.15.0', 'node', '', '8.15.0', ''],
    // <image>@<digest>
    [`alpine@${SHA}`, 'alpine', '', '', SHA],
    // <image>:<newtag>@<digest>
    [`my-image1:my-tag@${SHA}`, 'my-image1', '', 'my-tag', SHA],
    // registry with a port, in the name and in the new name
    ['localhost:5000/web:1.2', 'localhost:5000/web', '', '1.2', ''],
    ['ngnix=localhost:5000/my-project/ngnix:dev-01', 'ngnix', 'localhost:5000/my-project/ngnix', 'dev-01', ''],
    ['image1=foo.bar.foo:8800/foo/image1:foo-bar', 'image1', 'foo.bar.foo:8800/foo/image1', 'foo-bar', ''],
    ['web=localhost:5000/web', 'web', 'localhost:5000/web', '', ''],
    [`gcr.io:8080/p/app@${SHA}`, 'gcr.io:8080/p/app', '', '', SHA],
    // tags YAML would read as numbers stay text here (quoting is the writer's job)
    ['image1=my-image1:1234', 'image1', 'my-image1', '1234', ''],
    ['image1=my-image1:3.2e2', 'image1', 'my-image1', '3.2e2', ''],
    // surrounding blanks are ignored
    ['  web:v1  ', 'web', '', 'v1', ''],
  ])('%s', (text, name, newName, newTag, digest) => {
    const parsed = parseImageArgument(text);
    expect(parsed).toEqual({ source: text.trim(), name, newName, newTag, digest });
  });
});

describe('parseImageArgument: `*` keeps the current value in its position', () => {
  test.each([
    ['image1=*:v1', '*', 'v1', ''],
    ['image1=my-image1:*', 'my-image1', '*', ''],
    ['image2=my-image2@*', 'my-image2', '', '*'],
    ['image1=*', '*', '', ''],
    [`image1=*@${SHA}`, '*', '', SHA],
    [`image1=*:*@${SHA}`, '*', '*', SHA],
    ['image1=*:*@*', '*', '*', '*'],
    ['image1=localhost:5000/web:*', 'localhost:5000/web', '*', ''],
  ])('%s', (text, newName, newTag, digest) => {
    expect(parseImageArgument(text)).toEqual({ source: text, name: text.slice(0, text.indexOf('=')), newName, newTag, digest });
  });

  test.each([
    ['image1:*', '', '*', ''],
    ['image1@*', '', '', '*'],
    ['image1:*@*', '', '*', '*'],
  ])('without a new name: %s', (text, newName, newTag, digest) => {
    expect(parseImageArgument(text)).toEqual({ source: text, name: 'image1', newName, newTag, digest });
  });

  test('KEEP is the asterisk', () => {
    expect(KEEP).toBe('*');
  });
});

describe('parseImageArgument: invalid arguments name the input', () => {
  test.each([
    ['bad', /sets nothing/],
    ['localhost:5000/web', /sets nothing/],
    ['web=', /nothing after "="/],
    ['=web:1', /no image name before "="/],
    ['*:v1', /invalid image name '\*'/],
    ['web name:v1', /invalid image name/],
    ['web:', /empty tag/],
    ['web=x:', /empty tag/],
    ['web=Upper/Case:1', /invalid new image name 'Upper\/Case'/],
    ['web=a=b', /invalid new image name 'a=b'/],
    ['web=a:b:c', /invalid tag 'b:c'/],
    ['web:-bad', /invalid tag '-bad'/],
    ['web:.bad', /invalid tag '.bad'/],
    [`web:${'t'.repeat(129)}`, /invalid tag/],
    ['web@sha256:abc', /invalid digest 'sha256:abc'/],
    [`web@md5:${'a'.repeat(32)}`, /invalid digest/],
    [`web@sha256:${'A'.repeat(64)}`, /invalid digest/],
    [`web=new@${SHA}@${SHA_B}`, /invalid digest/],
  ])('%s', (text, problem) => {
    let error: unknown;
    try {
      parseImageArgument(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as InputError).message;
    expect(message).toMatch(/^Input 'images': /);
    expect(message).toMatch(problem);
    expect(message).not.toMatch(/\n/);
    expect((error as InputError).input).toBe('images');
  });

  test('the input name given is the one reported (CLI flags reuse the parser)', () => {
    expect(() => parseImageArgument('bad', '--image')).toThrow("Input '--image': 'bad' sets nothing");
  });

  test('a tag of exactly 128 characters is accepted', () => {
    expect(parseImageArgument(`web:${'t'.repeat(128)}`).newTag).toHaveLength(128);
  });
});

describe('parseImageArguments', () => {
  test('no argument at all is an error naming the input', () => {
    expect(() => parseImageArguments([])).toThrow(InputError);
    expect(() => parseImageArguments([])).toThrow(/^Input 'images': no image given/);
  });

  test('a later argument for the same name replaces an earlier one, as in kustomize', () => {
    const parsed = parseImageArguments(['web:v1', 'api:v9', 'web=reg/web:v2']);
    expect(parsed.map((argument) => argument.source)).toEqual(['api:v9', 'web=reg/web:v2']);
  });

  test('one bad argument fails the whole list', () => {
    expect(() => parseImageArguments(['web:v1', 'bad', 'api:v2'])).toThrow(/'bad' sets nothing/);
  });

  test('arguments keep their order', () => {
    expect(parseImageArguments(['b:1', 'a:2', 'c:3']).map((argument) => argument.name)).toEqual(['b', 'a', 'c']);
  });
});
