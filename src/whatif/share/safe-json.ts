/**
 * JSON.parse for untrusted text (links, imported files). JSON.parse never evaluates code; on top of
 * it this refuses keys that reach object prototypes (`__proto__`, `constructor`, `prototype`) so a
 * hostile document cannot smuggle properties into objects built from it. Never throws.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function safeJsonParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
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
