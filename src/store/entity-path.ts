/**
 * Entity paths as Rerun spells them (SPEC §6): a list of non-empty parts, printed as
 * `/part/part` with each part escaped. The root is the empty list, printed `/`.
 *
 * The parsers mirror `re_log_types/src/path/{parse_path.rs, entity_path_part.rs}` closely,
 * quirks included, so that a path typed into an attribute names the same entity as the same
 * string passed to `rr.log()` in Python.
 */

/** Why a strict parse failed; the names follow Rerun's `PathParseError` variants. */
export type EntityPathErrorCode =
  | 'EmptyString'
  | 'MissingPath'
  | 'DoubleSlash'
  | 'MissingSlash'
  | 'TrailingSlash'
  | 'BadInstance'
  | 'UnexpectedInstance'
  | 'UnexpectedComponent'
  | 'TrailingColon'
  | 'UnknownEscapeSequence'
  | 'TrailingBackslash'
  | 'MissingEscape'
  | 'InvalidUnicodeEscape';

/** Thrown by a strict parse: says what was expected, what came, and where. */
export class EntityPathError extends Error {
  /** Which rule the input broke. */
  readonly code: EntityPathErrorCode;
  /** The whole string that was being parsed. */
  readonly input: string;
  /** Index (UTF-16 code units) into `input` where the problem starts. */
  readonly position: number;

  constructor(code: EntityPathErrorCode, input: string, position: number, detail: string) {
    super(`Invalid entity path ${JSON.stringify(input)} at position ${position}: ${detail}`);
    this.name = 'EntityPathError';
    this.code = code;
    this.input = input;
    this.position = position;
  }
}

/** Options of {@link parseEntityPath}. */
export interface ParseEntityPathOptions {
  /** Reject anything `formatEntityPath` would not print (Rerun's `parse_strict`). Default false. */
  strict?: boolean;
}

// Rust's `char::is_alphanumeric` is Alphabetic || Numeric; `\p{L}` alone would miss e.g.
// combining marks that are Alphabetic, and Rerun prints those unescaped.
const PRINT_AS_IS = /^[\p{Alphabetic}\p{N}_.-]$/u;
// Rust's `is_ascii_punctuation` plus the space, which Rerun escapes the same way.
const ESCAPABLE = /^[ !-/:-@[-`{-~]$/;

interface Token {
  text: string;
  start: number;
}

/**
 * Splits at unescaped special characters, each special becoming its own token.
 *
 * Mirrors Rerun's `tokenize_by`, which treats a character as escaped whenever the one before
 * it is a backslash, even if that backslash was itself escaped: `a\\/b` stays one token.
 */
function tokenize(path: string, specials: string): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  while (start < path.length) {
    let i = start;
    let inEscape = false;
    while (i < path.length) {
      const c = path[i]!;
      if (!inEscape && specials.includes(c)) break;
      inEscape = c === '\\';
      i++;
    }
    if (i === start) i++;
    tokens.push({ text: path.slice(start, i), start });
    start = i;
  }
  return tokens;
}

/** Reads `{XXXX}` after `\u` the way Rerun does, returning what it consumed either way. */
function readUnicodeEscape(s: string, from: number): { char?: string; consumed: string } {
  // Rerun stops at `}` or once it has read 6 UTF-8 bytes; counting bytes keeps non-ASCII
  // garbage after `\u` consumed exactly as Rerun consumes it.
  let i = from;
  let bytes = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    const c = String.fromCodePoint(cp);
    i += c.length;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (c === '}' || bytes === 6) break;
  }
  const consumed = s.slice(from, i);
  const m = /^\{([0-9A-Fa-f]{4})\}$/.exec(consumed);
  if (!m) return { consumed };
  const cp = parseInt(m[1]!, 16);
  // A lone surrogate is not a Rust `char`, so Rerun rejects it.
  if (cp >= 0xd800 && cp <= 0xdfff) return { consumed };
  return { char: String.fromCodePoint(cp), consumed };
}

function unescapePartForgiving(token: string): string {
  let out = '';
  let i = 0;
  while (i < token.length) {
    const c = String.fromCodePoint(token.codePointAt(i)!);
    i += c.length;
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (i >= token.length) {
      out += '\\';
      break;
    }
    const e = String.fromCodePoint(token.codePointAt(i)!);
    i += e.length;
    if (e === 'n') out += '\n';
    else if (e === 'r') out += '\r';
    else if (e === 't') out += '\t';
    else if (e === 'u') {
      const { char, consumed } = readUnicodeEscape(token, i);
      i += consumed.length;
      // A malformed `\u…` is kept literally, backslash included, as Rerun does.
      out += char ?? `\\u${consumed}`;
    } else {
      // Known punctuation escapes and unknown ones (`C:\Users`) both keep the plain char.
      out += e;
    }
  }
  return out;
}

function unescapePartStrict(token: Token, input: string): string {
  const s = token.text;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const at = token.start + i;
    const c = String.fromCodePoint(s.codePointAt(i)!);
    i += c.length;
    if (c !== '\\') {
      if (!PRINT_AS_IS.test(c)) {
        throw new EntityPathError(
          'MissingEscape',
          input,
          at,
          `expected ${JSON.stringify(c)} to be escaped as "${escapeEntityPathPart(c)}", found it unescaped`,
        );
      }
      out += c;
      continue;
    }
    if (i >= s.length) {
      throw new EntityPathError(
        'TrailingBackslash',
        input,
        at,
        'expected an escaped character after the backslash, found the end of the part',
      );
    }
    const e = String.fromCodePoint(s.codePointAt(i)!);
    i += e.length;
    if (e === 'n') out += '\n';
    else if (e === 'r') out += '\r';
    else if (e === 't') out += '\t';
    else if (e === 'u') {
      const { char, consumed } = readUnicodeEscape(s, i);
      if (char === undefined) {
        throw new EntityPathError(
          'InvalidUnicodeEscape',
          input,
          at,
          `expected a unicode escape like \\u{262E} (exactly 4 hex digits), found \\u${consumed}`,
        );
      }
      i += consumed.length;
      out += char;
    } else if (ESCAPABLE.test(e)) {
      out += e;
    } else {
      throw new EntityPathError(
        'UnknownEscapeSequence',
        input,
        at,
        `expected one of \\n \\r \\t \\u{XXXX} or a backslash before ASCII punctuation or space, found \\${e}`,
      );
    }
  }
  return out;
}

function parseForgiving(path: string): string[] {
  return tokenize(path, '/')
    .filter((t) => t.text !== '/')
    .map((t) => unescapePartForgiving(t.text));
}

function parseStrict(input: string): string[] {
  if (input === '') {
    throw new EntityPathError(
      'EmptyString',
      input,
      0,
      'expected an entity path, found an empty string',
    );
  }
  let tokens = tokenize(input, '/[]:');

  // Same order of checks as Rerun, which parses a whole DataPath (`/a/b[#1]:Comp`) and only
  // then rejects the suffixes an entity path may not carry.
  let suffixError: EntityPathError | undefined;
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon >= 0) {
    const rest = tokens.slice(colon + 1);
    const at = tokens[colon]!.start;
    if (rest.length === 0) {
      throw new EntityPathError(
        'TrailingColon',
        input,
        at,
        'expected a component name after ":", found the end',
      );
    }
    suffixError = new EntityPathError(
      'UnexpectedComponent',
      input,
      at,
      `expected an entity path only, found the component suffix ":${rest.map((t) => t.text).join('')}" (write "\\:" for a colon in a name)`,
    );
    tokens = tokens.slice(0, colon);
  }
  const bracket = tokens.findIndex((t) => t.text === '[');
  if (bracket >= 0) {
    const inst = tokens.slice(bracket);
    const at = tokens[bracket]!.start;
    const text = inst.map((t) => t.text).join('');
    const nr = inst[1]?.text ?? '';
    const ok =
      inst.length === 3 &&
      inst[2]!.text === ']' &&
      /^#\d+$/.test(nr) &&
      BigInt(nr.slice(1)) <= 0xffff_ffff_ffff_ffffn;
    if (!ok) {
      throw new EntityPathError(
        'BadInstance',
        input,
        at,
        `expected an instance index like "[#1234]", found ${JSON.stringify(text)} (write "\\[" for a bracket in a name)`,
      );
    }
    suffixError = new EntityPathError(
      'UnexpectedInstance',
      input,
      at,
      `expected an entity path only, found the instance suffix ${JSON.stringify(text)}`,
    );
    tokens = tokens.slice(0, bracket);
  }

  const parts = partsFromTokensStrict(tokens, input);
  if (suffixError) throw suffixError;
  return parts;
}

function partsFromTokensStrict(tokens: Token[], input: string): string[] {
  if (tokens.length === 0) {
    throw new EntityPathError(
      'MissingPath',
      input,
      0,
      'expected an entity path before the suffix, found none',
    );
  }
  if (tokens.length === 1 && tokens[0]!.text === '/') return [];
  if (tokens[0]!.text === '/') tokens = tokens.slice(1);

  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === '/') {
      throw new EntityPathError(
        'DoubleSlash',
        input,
        token.start,
        'expected a part between slashes, found "//"',
      );
    }
    parts.push(unescapePartStrict(token, input));
    const next = tokens[i + 1];
    if (next === undefined) break;
    if (next.text !== '/') {
      // Only a stray "]" gets here: the one tokenizer special not consumed by a suffix.
      throw new EntityPathError(
        'MissingSlash',
        input,
        next.start,
        `expected "/" between parts, found ${JSON.stringify(next.text)}`,
      );
    }
    i++;
    if (i === tokens.length - 1) {
      throw new EntityPathError(
        'TrailingSlash',
        input,
        next.start,
        'expected a part after "/", found the end',
      );
    }
  }
  return parts;
}

/**
 * Parses an entity path into its unescaped parts; the root `/` is `[]`.
 *
 * Forgiving by default, like every Rerun SDK `log()`: never throws, drops empty parts, keeps
 * unknown escapes as the plain character and accepts unescaped specials. With `{strict: true}`
 * it accepts only what {@link formatEntityPath} prints and throws {@link EntityPathError}.
 */
export function parseEntityPath(path: string, options: ParseEntityPathOptions = {}): string[] {
  return options.strict ? parseStrict(path) : parseForgiving(path);
}

/**
 * Escapes one part for use in a path string.
 *
 * Code points above U+FFFF come out with five or six hex digits, which Rerun's own parser
 * (exactly four) does not read back; that is Rerun's behaviour and is kept.
 */
export function escapeEntityPathPart(part: string): string {
  let out = '';
  for (const c of part) {
    if (PRINT_AS_IS.test(c)) out += c;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (ESCAPABLE.test(c)) out += `\\${c}`;
    else out += `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;
  }
  return out;
}

/** The canonical string of a path given as parts: `/` + escaped parts joined by `/`. */
export function formatEntityPath(parts: readonly string[]): string {
  return '/' + parts.map(escapeEntityPathPart).join('/');
}

/** The canonical string of a path given as a string (parsed forgivingly) or as parts. */
export function normalizeEntityPath(path: string | readonly string[]): string {
  return formatEntityPath(typeof path === 'string' ? parseForgiving(path) : path);
}

/** The parent's canonical path, or undefined for the root. */
export function parentEntityPath(path: string): string | undefined {
  const parts = parseForgiving(path);
  return parts.length === 0 ? undefined : formatEntityPath(parts.slice(0, -1));
}

/** Whether `path` is `ancestor` itself or lies below it (Rerun's `starts_with`). */
export function isAncestorOrSelf(ancestor: string, path: string): boolean {
  const a = parseForgiving(ancestor);
  const p = parseForgiving(path);
  return a.length <= p.length && a.every((part, i) => part === p[i]);
}
