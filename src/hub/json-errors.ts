/**
 * Finds where JSON text is broken, as line and column. JSON.parse in Node 20 reports a
 * position for some errors only and never a line, so a small scanner walks the grammar
 * and stops at the first problem. Used only after JSON.parse has failed.
 */
export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function locateJsonError(text: string): JsonSyntaxProblem | undefined {
  try {
    scan(text);
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { ...lineAndColumn(text, e.offset), message: e.message };
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '\n' || ch === '\r') return 'a line break';
  return ch < ' ' ? `control character ${JSON.stringify(ch)}` : `'${ch}'`;
}

function scan(text: string): void {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const expect = (ch: string, what: string) => {
    skipSpace();
    if (text[i] !== ch) fail(`expected ${what} but found ${describe(text[i])}`);
    i++;
  };

  const scanString = () => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i] ?? '';
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          fail(`invalid escape "\\${next ?? ''}"`);
        }
        continue;
      }
      if (ch < ' ') {
        fail('line break or control character inside a string (missing closing quote?)');
      }
      i++;
    }
    fail('string is never closed', start);
  };

  const scanNumber = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '-') fail(`unexpected ${describe(text[i])}`);
    i += m ? m[0].length : 0;
  };

  const scanValue = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') return scanObject();
    if (ch === '[') return scanArray();
    if (ch === '"') return scanString();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return scanNumber();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (ch === "'") fail('strings must use double quotes');
    fail(`expected a value but found ${describe(ch)}`);
  };

  const scanObject = () => {
    i++; // {
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === '}') fail('trailing comma before "}"');
      if (text[i] !== '"') {
        fail(`expected a property name in double quotes but found ${describe(text[i])}`);
      }
      scanString();
      expect(':', '":" after the property name');
      scanValue();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      if (text[i] === '"') fail('missing "," before this property');
      fail(`expected "," or "}" after a property value but found ${describe(text[i])}`);
    }
  };

  const scanArray = () => {
    i++; // [
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('trailing comma before "]"');
      scanValue();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      if (text[i] !== undefined && '"{['.includes(text[i] ?? '')) {
        fail('missing "," before this item');
      }
      fail(`expected "," or "]" after an array item but found ${describe(text[i])}`);
    }
  };

  scanValue();
  skipSpace();
  if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
}
