/**
 * A strict, small XML reader for one PubMed record, giving the same tree as fast-xml-parser configured
 * for PubMed (attributes as "@_name", text as a string or "#text", repeated children as arrays, values
 * never converted, entities left for text.ts to decode once, stop nodes kept raw) at several times its
 * speed: one sticky regular expression walks the record, so the work is done by the regex engine
 * rather than character by character in JavaScript. It checks well-formedness as it goes (names,
 * attribute syntax, entity syntax, nesting), so a malformed record is rejected, never half-read.
 * tests/parse/tree.test.ts holds it to fast-xml-parser's output on every fixture record.
 */

export type TreeResult = { ok: true; tree: Record<string, unknown> } | { ok: false; message: string; line: number };

const TOKEN =
  /<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\/([A-Za-z_][\w:.-]*)\s*>|([^<]+)|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>/y;
const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** An ampersand that does not start a character or entity reference. */
const BAD_AMP = /&(?!(?:#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);)/;

interface Frame {
  name: string;
  node: Record<string, unknown> | null;
  text: string;
}

function lineAt(xml: string, pos: number): number {
  let n = 1;
  for (let i = xml.indexOf("\n"); i !== -1 && i < pos; i = xml.indexOf("\n", i + 1)) n++;
  return n;
}

function addChild(parent: Frame, name: string, value: unknown): void {
  if (parent.node === null) parent.node = {};
  const existing = parent.node[name];
  if (existing === undefined) parent.node[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent.node[name] = [existing, value];
}

function attributes(source: string): Record<string, unknown> | null {
  if (source === "") return null;
  const out: Record<string, unknown> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(source); m !== null; m = ATTR.exec(source)) out[`@_${m[1]}`] = m[2] ?? m[3] ?? "";
  return out;
}

/** The value fast-xml-parser gives a closed element: trimmed text, or an object of attributes and children. */
function valueOf(frame: Frame): unknown {
  const text = frame.text.trim();
  if (frame.node === null) return text;
  if (text !== "") frame.node["#text"] = text;
  return frame.node;
}

/** Checks that raw stop-node content is well-formed on its own (balanced tags, valid references). */
function checkRaw(raw: string): string | null {
  const open: string[] = [];
  let i = 0;
  while (i < raw.length) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(raw);
    if (m === null) return `unexpected "${raw.slice(i, i + 20)}"`;
    i = TOKEN.lastIndex;
    if (m[1] !== undefined && m[3] === "") open.push(m[1]);
    else if (m[4] !== undefined && open.pop() !== m[4]) return `unexpected </${m[4]}>`;
    else if (m[5] !== undefined && m[5].indexOf("&") !== -1 && BAD_AMP.test(m[5])) return "an & that starts no entity";
  }
  return open.length > 0 ? `<${open[open.length - 1]}> is not closed` : null;
}

/**
 * Reads one record's XML into a tree. `stopNodes` are element names whose content is returned raw
 * (inline markup to flatten in order, or parts no stage reads).
 */
export function readTree(xml: string, stopNodes: ReadonlySet<string>): TreeResult {
  const root: Frame = { name: "", node: null, text: "" };
  const stack: Frame[] = [root];
  let i = 0;
  const fail = (message: string, at: number): TreeResult => ({ ok: false, message, line: lineAt(xml, at) });
  while (i < xml.length) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(xml);
    if (m === null) return fail(`not well-formed XML at "${xml.slice(i, i + 30)}"`, i);
    const at = i;
    i = TOKEN.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) {
      const name = m[1];
      if (stack.length === 1 && root.node !== null) return fail(`a second root element <${name}>`, at);
      const attrs = attributes(m[2]!);
      if (m[3] === "/") {
        addChild(top, name, attrs ?? "");
      } else if (stopNodes.has(name)) {
        const close = `</${name}>`;
        const end = xml.indexOf(close, i);
        if (end === -1) return fail(`<${name}> is not closed`, at);
        const raw = xml.slice(i, end);
        const problem = raw.indexOf("<") === -1 && raw.indexOf("&") === -1 ? null : checkRaw(raw);
        if (problem !== null) return fail(`inside <${name}>: ${problem}`, at);
        if (attrs === null) addChild(top, name, raw);
        else {
          if (raw !== "") attrs["#text"] = raw;
          addChild(top, name, attrs);
        }
        i = end + close.length;
      } else {
        stack.push({ name, node: attrs, text: "" });
      }
    } else if (m[4] !== undefined) {
      if (stack.length === 1 || top.name !== m[4]) {
        return fail(stack.length === 1 ? `unexpected </${m[4]}>` : `expected </${top.name}>, found </${m[4]}>`, at);
      }
      stack.pop();
      addChild(stack[stack.length - 1]!, top.name, valueOf(top));
    } else if (m[5] !== undefined) {
      if (stack.length === 1) {
        if (m[5].trim() !== "") return fail("text outside the record element", at);
      } else {
        if (m[5].indexOf("&") !== -1 && BAD_AMP.test(m[5])) return fail("an & that starts no entity (write &amp;)", at);
        top.text += m[5];
      }
    } else if (m[6] !== undefined) {
      top.text += m[6].replace(/&/g, "&amp;").replace(/</g, "&lt;");
    }
  }
  if (stack.length > 1) return fail(`<${stack[stack.length - 1]!.name}> is not closed`, xml.length);
  if (root.node === null) return fail("no element", 0);
  return { ok: true, tree: root.node };
}
