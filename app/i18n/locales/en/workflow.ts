// Strings for the workflow pages. ru/workflow.ts and kk/workflow.ts must have exactly these keys (the typecheck enforces it).
export default {};
