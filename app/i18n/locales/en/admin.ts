// Strings for the admin pages. ru/admin.ts and kk/admin.ts must have exactly these keys (the typecheck enforces it).
export default {};
