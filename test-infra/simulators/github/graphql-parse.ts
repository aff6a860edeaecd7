// A small recogniser for the GraphQL documents a promotion action sends: one query or mutation with fields,
// aliases, arguments (variables, literals, enums, lists, objects) and nested selections. Fragments, directives
// and subscriptions are refused with a parse error rather than half-understood.

export type GqlValue = string | number | boolean | null | GqlValue[] | { [k: string]: GqlValue } | { $var: string };

export interface GqlField {
  alias: string;
  name: string;
  args: Record<string, GqlValue>;
  selections?: GqlField[];
  line: number;
  column: number;
}

export interface GqlOperation {
  kind: 'query' | 'mutation';
  selections: GqlField[];
}

export class GqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

interface Token {
  kind: 'punct' | 'name' | 'string' | 'number';
  value: string;
  line: number;
  column: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /[\s,\uFEFF]+|#[^\n]*|("""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([_A-Za-z][_0-9A-Za-z]*)|(\.\.\.|[!$():=@[\]{}|&])/y;
  let pos = 0;
  while (pos < source.length) {
    re.lastIndex = pos;
    const m = re.exec(source);
    const before = source.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    if (!m) throw new GqlSyntaxError(`Parse error on "${source[pos]}" at [${line}, ${column}]`, line, column);
    pos = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'string', value: m[1].startsWith('"""') ? m[1].slice(3, -3) : (JSON.parse(m[1]) as string), line, column });
    else if (m[2] !== undefined) tokens.push({ kind: 'number', value: m[2], line, column });
    else if (m[3] !== undefined) tokens.push({ kind: 'name', value: m[3], line, column });
    else if (m[4] !== undefined) tokens.push({ kind: 'punct', value: m[4], line, column });
  }
  return tokens;
}

export function parseOperation(source: string, operationName?: string): GqlOperation {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (what: string): never => {
    const t = tokens[i] ?? tokens[tokens.length - 1] ?? { value: 'EOF', line: 1, column: 1 };
    throw new GqlSyntaxError(`Parse error on "${t.value}" (${what}) at [${t.line}, ${t.column}]`, t.line, t.column);
  };
  const expect = (value: string) => (peek()?.value === value ? tokens[i++] : fail(`expected ${value}`));

  const value = (): GqlValue => {
    const t = tokens[i++] ?? fail('value');
    if (t.kind === 'string') return t.value;
    if (t.kind === 'number') return Number(t.value);
    if (t.value === '$') return { $var: (tokens[i++] ?? fail('variable')).value };
    if (t.value === '[') {
      const list: GqlValue[] = [];
      while (peek()?.value !== ']') list.push(value());
      i++;
      return list;
    }
    if (t.value === '{') {
      const obj: Record<string, GqlValue> = {};
      while (peek()?.value !== '}') {
        const key = (tokens[i++] ?? fail('name')).value;
        expect(':');
        obj[key] = value();
      }
      i++;
      return obj;
    }
    if (t.kind === 'name') return t.value === 'true' ? true : t.value === 'false' ? false : t.value === 'null' ? null : t.value;
    return fail('value');
  };

  const selectionSet = (): GqlField[] => {
    expect('{');
    const fields: GqlField[] = [];
    while (peek() && peek().value !== '}') {
      const first = tokens[i++];
      if (first.kind !== 'name') fail('fragments and directives are not supported');
      const alias = first.value;
      let name = first.value;
      if (peek()?.value === ':') {
        i++;
        name = (tokens[i++] ?? fail('name')).value;
      }
      const args: Record<string, GqlValue> = {};
      if (peek()?.value === '(') {
        i++;
        while (peek()?.value !== ')') {
          const key = (tokens[i++] ?? fail('argument')).value;
          expect(':');
          args[key] = value();
        }
        i++;
      }
      if (peek()?.value === '@') fail('directives are not supported');
      const field: GqlField = { alias, name, args, line: first.line, column: first.column };
      if (peek()?.value === '{') field.selections = selectionSet();
      fields.push(field);
    }
    expect('}');
    return fields;
  };

  const operations: Array<GqlOperation & { name?: string }> = [];
  while (i < tokens.length) {
    const t = peek();
    if (t.value === '{') {
      operations.push({ kind: 'query', selections: selectionSet() });
      continue;
    }
    if (t.value !== 'query' && t.value !== 'mutation') fail('only query and mutation operations are supported');
    i++;
    const name = peek()?.kind === 'name' ? tokens[i++].value : undefined;
    // Variable definitions only declare types; the values come from `variables`.
    if (peek()?.value === '(') {
      let depth = 0;
      do {
        const v = tokens[i++]?.value ?? fail('variable definitions');
        if (v === '(') depth++;
        if (v === ')') depth--;
      } while (depth > 0);
    }
    operations.push({ kind: t.value as 'query' | 'mutation', name, selections: selectionSet() });
  }
  const chosen = operationName ? operations.find((o) => o.name === operationName) : operations[0];
  if (!chosen) throw new GqlSyntaxError(operationName ? `No operation named "${operationName}"` : 'No operations given', 1, 1);
  return chosen;
}
