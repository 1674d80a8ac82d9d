// Strings for the portfolio pages. ru/portfolio.ts and kk/portfolio.ts must have exactly these keys (the typecheck enforces it).
export default {};
