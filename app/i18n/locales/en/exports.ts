// Strings for the exports pages. ru/exports.ts and kk/exports.ts must have exactly these keys (the typecheck enforces it).
export default {};
