import { armError } from './errors';

/**
 * A small OData `$filter` reader: comparisons (`eq ne gt ge lt le`), `field in ('a','b')`,
 * `and`, `or`, `not` and parentheses; literals are 'quoted strings' (with '' escapes), numbers,
 * true/false, or bare tokens (dates). Field names are case-insensitive.
 */
type Node =
  | { kind: 'cmp'; field: string; op: string; value: string }
  | { kind: 'in'; field: string; values: string[] }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; inner: Node };

export interface FilterField<T> {
  /** 'text': case-insensitive equality (comma lists in eq match any); 'time': date comparisons. */
  type: 'text' | 'time';
  get(record: T): string | number | undefined;
  /** Accepted (ASR knows the field) but not modelled by the simulator: always true. */
  ignored?: boolean;
  /** How `eq` is read for this field (ASR reads `startTime eq X` as "from X on"). */
  eqMeans?: 'ge' | 'le';
}

const OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push(c);
      i++;
    } else if (c === "'") {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= text.length) {
          throw invalid(text, 'unterminated string literal');
        }
        if (text[j] === "'" && text[j + 1] === "'") {
          s += "'";
          j += 2;
        } else if (text[j] === "'") {
          break;
        } else {
          s += text[j++];
        }
      }
      tokens.push(`'${s}`);
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s(),']/.test(text[j])) {
        j++;
      }
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function invalid(text: string, why: string): Error {
  return armError(400, 'InvalidFilter', `The $filter '${text}' is not valid: ${why}.`);
}

export function parseFilter(text: string): Node {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos]?.toLowerCase();
  const literal = (): string => {
    const t = tokens[pos++];
    if (t === undefined || t === '(' || t === ')' || t === ',') {
      throw invalid(text, 'a value was expected');
    }
    return t.startsWith("'") ? t.slice(1) : t;
  };
  const unary = (): Node => {
    if (peek() === 'not') {
      pos++;
      return { kind: 'not', inner: unary() };
    }
    if (peek() === '(') {
      pos++;
      const inner = orExpr();
      if (tokens[pos++] !== ')') {
        throw invalid(text, "')' was expected");
      }
      return inner;
    }
    const field = tokens[pos++];
    const op = tokens[pos++]?.toLowerCase();
    if (!field || !op) {
      throw invalid(text, 'a comparison was expected');
    }
    if (op === 'in') {
      if (tokens[pos++] !== '(') {
        throw invalid(text, "'(' was expected after 'in'");
      }
      const values = [literal()];
      while (tokens[pos] === ',') {
        pos++;
        values.push(literal());
      }
      if (tokens[pos++] !== ')') {
        throw invalid(text, "')' was expected");
      }
      return { kind: 'in', field, values };
    }
    if (!OPS.has(op)) {
      throw invalid(text, `unknown operator '${op}'`);
    }
    return { kind: 'cmp', field, op, value: literal() };
  };
  const andExpr = (): Node => {
    let left = unary();
    while (peek() === 'and') {
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peek() === 'or') {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const root = orExpr();
  if (pos !== tokens.length) {
    throw invalid(text, `unexpected '${tokens[pos]}'`);
  }
  return root;
}

/** Parses `text` and returns a predicate; unknown fields are refused with 400 InvalidFilter. */
export function compileFilter<T>(text: string | undefined, fields: Record<string, FilterField<T>>): (r: T) => boolean {
  if (!text || !text.trim()) {
    return () => true;
  }
  const root = parseFilter(text);
  const lookup = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
  const fieldOf = (name: string): FilterField<T> => {
    const f = lookup.get(name.toLowerCase());
    if (!f) {
      throw invalid(text, `the field '${name}' is not supported (supported: ${Object.keys(fields).join(', ')})`);
    }
    return f;
  };
  const check = (n: Node): void => {
    if (n.kind === 'cmp' || n.kind === 'in') {
      const f = fieldOf(n.field);
      const values = n.kind === 'in' ? n.values : [n.value];
      if (f.type === 'time' && values.some((v) => Number.isNaN(Date.parse(v)))) {
        throw invalid(text, `'${values.join(',')}' is not a date`);
      }
    } else if (n.kind === 'not') {
      check(n.inner);
    } else {
      check(n.left);
      check(n.right);
    }
  };
  check(root);
  const evaluate = (n: Node, r: T): boolean => {
    switch (n.kind) {
      case 'and':
        return evaluate(n.left, r) && evaluate(n.right, r);
      case 'or':
        return evaluate(n.left, r) || evaluate(n.right, r);
      case 'not':
        return !evaluate(n.inner, r);
      case 'in':
        return n.values.some((v) => compare(fieldOf(n.field), r, 'eq', v));
      case 'cmp':
        return compare(fieldOf(n.field), r, n.op, n.value);
    }
  };
  return (r) => evaluate(root, r);
}

function compare<T>(f: FilterField<T>, r: T, op: string, value: string): boolean {
  if (f.ignored) {
    return true;
  }
  const actual = f.get(r);
  if (f.type === 'time') {
    const a = typeof actual === 'number' ? actual : Date.parse(String(actual));
    const b = Date.parse(value);
    const effective = op === 'eq' && f.eqMeans ? f.eqMeans : op;
    switch (effective) {
      case 'eq':
        return a === b;
      case 'ne':
        return a !== b;
      case 'gt':
        return a > b;
      case 'ge':
        return a >= b;
      case 'lt':
        return a < b;
      default:
        return a <= b;
    }
  }
  const a = String(actual ?? '').toLowerCase();
  const wanted = value
    .toLowerCase()
    .split(',')
    .map((v) => v.trim());
  if (op === 'eq') {
    return wanted.includes(a);
  }
  if (op === 'ne') {
    return !wanted.includes(a);
  }
  throw armError(400, 'InvalidFilter', `The operator '${op}' can't be used with a text field.`);
}
