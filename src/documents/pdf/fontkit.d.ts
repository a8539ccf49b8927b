// fontkit ships no types; the chain only needs to open a font and ask about a glyph.
declare module 'fontkit' {
  export function create(buffer: Buffer): unknown;
}
