/**
 * The templates of a rules file: `{name}` or `{name.part}` placeholders, and `[[…]]` parts dropped
 * whole when a placeholder inside them is empty ("[[；你给出的是{count}]]" only when a count was given).
 */

const PLACEHOLDER = /\{([A-Za-z][\w-]*(?:\.[\w-]+)?)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;

/** The placeholder names a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Fills a template; `resolve` gives a placeholder's text, or null/"" when it has none. */
export function render(template: string, resolve: (name: string) => string | null): string {
  const fill = (part: string) => {
    let empty = false;
    const text = part.replace(PLACEHOLDER, (_, name: string) => {
      const value = resolve(name);
      if (value === null || value === "") empty = true;
      return value ?? "";
    });
    return { text, empty };
  };
  let out = "";
  let last = 0;
  for (const m of template.matchAll(OPTIONAL)) {
    out += fill(template.slice(last, m.index)).text;
    const inner = fill(m[1] as string);
    if (!inner.empty) out += inner.text;
    last = m.index + m[0].length;
  }
  return out + fill(template.slice(last)).text;
}
