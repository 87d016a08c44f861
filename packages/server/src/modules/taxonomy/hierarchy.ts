/** Parent links followed at most this far: a broken import must not hang the server on a cycle. */
const MAX_DEPTH = 12;

/**
 * A code's parent chain, top level first and the code itself last, from a lookup of each code's
 * parent (null or undefined at the top, or for a code the taxonomy does not know).
 */
export function parentChain(code: string, parentOf: (code: string) => string | null | undefined): string[] {
  const chain: string[] = [];
  let current: string | null | undefined = code;
  for (let depth = 0; current != null && depth < MAX_DEPTH; depth++) {
    chain.unshift(current);
    current = parentOf(current);
  }
  return chain;
}
