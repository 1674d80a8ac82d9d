// Strings for the projects pages. ru/projects.ts and kk/projects.ts must have exactly these keys (the typecheck enforces it).
export default {};
