import { Transform, type TransformCallback } from "node:stream";

/** The size of the buffers React 18's streaming renderer fills before it writes them out. */
const REACT_VIEW_SIZE = 2048;
/** A character takes at most 4 bytes in UTF-8: at most 3 can be left unused when the next one does not fit. */
const MAX_UNUSED_BYTES = 3;

/**
 * The destination for React's `renderToPipeableStream`, passing its chunks on without the zero bytes React 18.3
 * leaves in them. When a character of several bytes (Cyrillic letters, typographic quotes, dashes) does not fit at the
 * end of one of its 2,048-byte buffers, React writes out the whole buffer, unused bytes included, so a page showed
 * `Русск\0ий`: a broken word for the reader and a truncated text for some crawlers (facebook/react#27554, #31134;
 * React 19 rewrote that code). Only a full buffer can carry them, and only in its last 3 bytes. A zero byte the page
 * itself holds there (a U+0000 in someone's text) is dropped too, which a browser does anyway: HTML ignores it.
 */
export function withoutUnusedBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (chunk.length !== REACT_VIEW_SIZE || chunk[chunk.length - 1] !== 0) return done(null, chunk);
      let end = chunk.length;
      while (end > chunk.length - MAX_UNUSED_BYTES && chunk[end - 1] === 0) end -= 1;
      done(null, chunk.subarray(0, end));
    },
  });
}
