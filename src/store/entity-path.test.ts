import { expect } from '@open-wc/testing';
import {
  EntityPathError,
  escapeEntityPathPart,
  formatEntityPath,
  isAncestorOrSelf,
  normalizeEntityPath,
  parentEntityPath,
  parseEntityPath,
} from './entity-path.js';
import type { EntityPathErrorCode } from './entity-path.js';

function strictError(path: string): EntityPathError {
  try {
    parseEntityPath(path, { strict: true });
  } catch (e) {
    expect(e, `error thrown for ${JSON.stringify(path)}`).to.be.instanceOf(EntityPathError);
    return e as EntityPathError;
  }
  throw new Error(`expected strict parse of ${JSON.stringify(path)} to throw, but it succeeded`);
}

describe('entity paths', () => {
  describe('forgiving parse (SDK log() semantics)', () => {
    it('treats the empty string and "/" as the root', () => {
      expect(parseEntityPath('')).to.deep.equal([]);
      expect(parseEntityPath('/')).to.deep.equal([]);
      expect(normalizeEntityPath('')).to.equal('/');
      expect(normalizeEntityPath('//')).to.equal('/');
    });

    it('makes the leading slash optional', () => {
      expect(parseEntityPath('foo/bar')).to.deep.equal(['foo', 'bar']);
      expect(parseEntityPath('/foo/bar')).to.deep.equal(['foo', 'bar']);
    });

    it('drops empty parts: //a//b/ → /a/b', () => {
      expect(normalizeEntityPath('//a//b/')).to.equal('/a/b');
      expect(normalizeEntityPath('/foo///bar//')).to.equal('/foo/bar');
      expect(normalizeEntityPath('/foo/bar/')).to.equal('/foo/bar');
    });

    it('accepts unescaped specials and prints them escaped (SPEC §6)', () => {
      expect(normalizeEntityPath('foo/bar:baz')).to.equal('/foo/bar\\:baz');
      expect(normalizeEntityPath('foo/Hallå Där!')).to.equal('/foo/Hallå\\ Där\\!');
      expect(normalizeEntityPath('foo/#bar/baz')).to.equal('/foo/\\#bar/baz');
      expect(normalizeEntityPath('foo/42')).to.equal('/foo/42');
      expect(parseEntityPath('foo/bar :/.')).to.deep.equal(['foo', 'bar :', '.']);
    });

    it('reads the SPEC example world/3D/My\\ Image.jpg/detection', () => {
      const parts = parseEntityPath('world/3D/My\\ Image.jpg/detection');
      expect(parts).to.deep.equal(['world', '3D', 'My Image.jpg', 'detection']);
      expect(formatEntityPath(parts)).to.equal('/world/3D/My\\ Image.jpg/detection');
    });

    it('does not split on an escaped slash', () => {
      expect(parseEntityPath('a\\/b/c')).to.deep.equal(['a/b', 'c']);
      expect(normalizeEntityPath('a\\/b/c')).to.equal('/a\\/b/c');
    });

    it('keeps a slash after an escaped backslash in the part, as Rerun’s tokenizer does', () => {
      expect(parseEntityPath('a\\\\/b')).to.deep.equal(['a\\/b']);
    });

    it('unescapes \\n \\r \\t, punctuation, space and \\u{XXXX}', () => {
      expect(parseEntityPath('a\\nb\\rc\\td')).to.deep.equal(['a\nb\rc\td']);
      expect(parseEntityPath('\\:\\$\\ \\\\\\"')).to.deep.equal([':$ \\"']);
      expect(parseEntityPath('Hall\\u{00E5}')).to.deep.equal(['Hallå']);
      expect(parseEntityPath('\\u{262e}')).to.deep.equal(['☮']);
    });

    it('keeps unknown escapes as the plain character (Windows paths)', () => {
      expect(parseEntityPath('C:\\Users\\image.jpg')).to.deep.equal(['C:Usersimage.jpg']);
      expect(parseEntityPath('\\q')).to.deep.equal(['q']);
    });

    it('keeps a trailing backslash and a malformed \\u literally', () => {
      expect(parseEntityPath('Hello\\')).to.deep.equal(['Hello\\']);
      expect(parseEntityPath('\\u{apa}\\u{262E}')).to.deep.equal(['\\u{apa}☮']);
      expect(parseEntityPath('\\u{12}x')).to.deep.equal(['\\u{12}x']);
      expect(parseEntityPath('\\u{D800}')).to.deep.equal(['\\u{D800}']);
    });

    it('matches Rerun’s mixed forgiving example', () => {
      expect(parseEntityPath('Hello \\"World\\" \\\\ \\n\\r\\t \\u{00E5}')).to.deep.equal([
        'Hello "World" \\ \n\r\t å',
      ]);
    });
  });

  describe('strict parse', () => {
    it('accepts what formatEntityPath prints', () => {
      expect(parseEntityPath('/', { strict: true })).to.deep.equal([]);
      expect(parseEntityPath('foo', { strict: true })).to.deep.equal(['foo']);
      expect(parseEntityPath('/foo/bar', { strict: true })).to.deep.equal(['foo', 'bar']);
      expect(parseEntityPath('hallådär', { strict: true })).to.deep.equal(['hallådär']);
      expect(parseEntityPath('/foo/Hallå\\ Där\\!', { strict: true })).to.deep.equal([
        'foo',
        'Hallå Där!',
      ]);
      expect(parseEntityPath('Hall\\u{00E5}\\n\\r\\t', { strict: true })).to.deep.equal([
        'Hallå\n\r\t',
      ]);
      expect(parseEntityPath('hello_there-now.jpg', { strict: true })).to.deep.equal([
        'hello_there-now.jpg',
      ]);
    });

    const cases: Array<[string, EntityPathErrorCode, number]> = [
      ['', 'EmptyString', 0],
      ['foo//bar', 'DoubleSlash', 4],
      ['//', 'DoubleSlash', 1],
      ['foo/bar/', 'TrailingSlash', 7],
      ['hello there', 'MissingEscape', 5],
      ['foo/bar!', 'MissingEscape', 7],
      ['foo\\q', 'UnknownEscapeSequence', 3],
      ['foo\\', 'TrailingBackslash', 3],
      ['\\u{apa}', 'InvalidUnicodeEscape', 0],
      ['entity[#123]', 'UnexpectedInstance', 6],
      ['entity[abc]', 'BadInstance', 6],
      ['entity:component', 'UnexpectedComponent', 6],
      ['world/points[#42]:Points3D:colors', 'UnexpectedInstance', 12],
      ['entity:', 'TrailingColon', 6],
      [':component', 'MissingPath', 0],
      ['a]b', 'MissingSlash', 1],
    ];
    for (const [input, code, position] of cases) {
      it(`rejects ${JSON.stringify(input)} with ${code} at ${position}`, () => {
        const err = strictError(input);
        expect(err.code).to.equal(code);
        expect(err.position).to.equal(position);
        expect(err.input).to.equal(input);
        expect(err.message).to.contain('expected');
        expect(err.message).to.contain(`position ${position}`);
      });
    }

    it('names what was expected and what came', () => {
      expect(strictError('hello there').message).to.contain('" " to be escaped as "\\ "');
      expect(strictError('foo\\q').message).to.contain('found \\q');
      expect(strictError('foo//bar').message).to.contain('found "//"');
    });

    it('is an Error', () => {
      expect(strictError('')).to.be.instanceOf(Error);
      expect(strictError('').name).to.equal('EntityPathError');
    });

    it('never throws in forgiving mode for the same inputs', () => {
      for (const [input] of cases) expect(() => parseEntityPath(input)).not.to.throw();
    });
  });

  describe('escaping and formatting', () => {
    it('prints the root as "/"', () => {
      expect(formatEntityPath([])).to.equal('/');
    });

    it('keeps Unicode alphanumerics, _ - . as-is', () => {
      expect(escapeEntityPathPart('Hallå_Där-1.png')).to.equal('Hallå_Där-1.png');
      expect(escapeEntityPathPart('日本語٣')).to.equal('日本語٣');
      // U+093F is a combining vowel sign: Alphabetic in Unicode (Rust's is_alphanumeric), not \p{L}.
      expect(escapeEntityPathPart('कि')).to.equal('कि');
    });

    it('escapes newline, CR, tab, punctuation and space', () => {
      expect(escapeEntityPathPart('a\nb\rc\td')).to.equal('a\\nb\\rc\\td');
      expect(escapeEntityPathPart('a b:c/d\\e$')).to.equal('a\\ b\\:c\\/d\\\\e\\$');
    });

    it('escapes other code points as \\u{XXXX} with 4 uppercase hex digits', () => {
      expect(escapeEntityPathPart('☮')).to.equal('\\u{262E}');
      expect(escapeEntityPathPart('\u0001')).to.equal('\\u{0001}');
      expect(escapeEntityPathPart('\u00a0')).to.equal('\\u{00A0}');
    });

    it('prints code points above U+FFFF with more digits (Rerun’s %04X)', () => {
      expect(escapeEntityPathPart('😀')).to.equal('\\u{1F600}');
    });

    it('round-trips escaped strings through strict parse', () => {
      for (const s of [
        '/\\u{0001}',
        '/Hello\\ world\\!\\ \\u{262E}',
        '/a\\nb\\rc\\td/\\:\\/\\\\',
        '/Hall\\u{00E5}x',
      ]) {
        const canonical = formatEntityPath(parseEntityPath(s, { strict: true }));
        expect(canonical, s).to.equal(s.replace('\\u{00E5}', 'å'));
      }
    });

    it('round-trips arbitrary parts through format and strict parse', () => {
      const parts = ['a b', 'c:d', 'e/f', 'g\\h', 'i\nj', 'k☮l', 'm\u0000n', 'å.ö', '[#1]'];
      const s = formatEntityPath(parts);
      expect(parseEntityPath(s, { strict: true })).to.deep.equal(parts);
      expect(parseEntityPath(s)).to.deep.equal(parts);
    });
  });

  describe('normalize and hierarchy helpers', () => {
    it('normalizes strings and part arrays', () => {
      expect(normalizeEntityPath('world//cam/')).to.equal('/world/cam');
      expect(normalizeEntityPath(['world', 'My Image.jpg'])).to.equal('/world/My\\ Image.jpg');
      expect(normalizeEntityPath([])).to.equal('/');
    });

    it('finds parents, the root having none', () => {
      expect(parentEntityPath('/a/b/c')).to.equal('/a/b');
      expect(parentEntityPath('/a')).to.equal('/');
      expect(parentEntityPath('/')).to.equal(undefined);
      expect(parentEntityPath('/a\\/b/c')).to.equal('/a\\/b');
    });

    it('tests ancestry part by part, including self', () => {
      expect(isAncestorOrSelf('/', '/a/b')).to.equal(true);
      expect(isAncestorOrSelf('/a', '/a/b')).to.equal(true);
      expect(isAncestorOrSelf('/a/b', '/a/b')).to.equal(true);
      expect(isAncestorOrSelf('/a/b', '/a')).to.equal(false);
      expect(isAncestorOrSelf('/a', '/ab')).to.equal(false);
      expect(isAncestorOrSelf('/a\\/b', '/a/b')).to.equal(false);
    });
  });
});
