/**
 * A fast well-formedness check for efetch answers: every tag closes in order and nothing is cut off.
 * It catches truncated and garbled bodies several times faster than a validating parser, which matters
 * because a 200-record batch is several megabytes and must not hold up the next request. Full
 * parsing is the parse stage's job. Returns null when balanced, else what is wrong and where.
 */
const TOKEN = /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|![^>]*>|\?[\s\S]*?\?>|(\/?)([A-Za-z_][\w.:-]*)(?:\s[^>]*?)?(\/?)>)/g;

export function tagBalanceProblem(xml: string): string | null {
  const stack: string[] = [];
  let consumed = 0;
  let rootDone = false;
  let match: RegExpExecArray | null;
  TOKEN.lastIndex = 0;
  while ((match = TOKEN.exec(xml)) !== null) {
    const stray = xml.indexOf("<", consumed);
    if (stray !== -1 && stray < match.index) return `broken markup at offset ${stray}`;
    consumed = TOKEN.lastIndex;
    const [, closing, name, selfClosing] = match;
    if (!name) continue;
    if (!closing) {
      if (stack.length === 0 && rootDone) return `a second root element <${name}> at offset ${match.index}`;
      if (selfClosing) rootDone ||= stack.length === 0;
      else stack.push(name);
      continue;
    }
    const open = stack.pop();
    if (open !== name) return `</${name}> closes <${open ?? "nothing"}> at offset ${match.index}`;
    rootDone ||= stack.length === 0;
  }
  if (xml.slice(consumed).includes("<")) return `cut off inside a tag at offset ${consumed}`;
  if (stack.length > 0) return `cut off: <${stack[stack.length - 1]}> and ${stack.length - 1} enclosing elements never close`;
  return null;
}
