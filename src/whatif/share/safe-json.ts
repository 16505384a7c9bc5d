/**
 * JSON.parse for untrusted text (links, imported files). JSON.parse never evaluates code; on top of
 * it this refuses keys that reach object prototypes (`__proto__`, `constructor`, `prototype`) so a
 * hostile document cannot smuggle properties into objects built from it. Never throws.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Deeper nesting is refused before parsing: scenario documents and links are a few levels deep,
 * and 10,000 nested brackets would otherwise end in a stack overflow reported as "not valid JSON"
 * (or worse, depending on the engine's stack).
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest bracket nesting of JSON text (brackets inside strings not counted). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

export function safeJsonParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, error: `nested more than ${MAX_JSON_DEPTH} levels deep` };
  let bad: string | null = null;
  try {
    const value = JSON.parse(text, (key, v) => {
      if (FORBIDDEN.has(key)) bad = key;
      return v;
    });
    if (bad !== null) return { ok: false, error: `the key "${bad}" is not allowed` };
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
}
