import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the page being rendered on the server (app/entry.server.tsx provides it),
 * for the inline scripts the layout renders. In the browser it is undefined: the scripts already ran, and browsers
 * hide a nonce from the DOM anyway.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
