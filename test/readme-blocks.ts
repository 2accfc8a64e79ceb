/**
 * Reads the README's fenced blocks and its shell commands, for test/readme.test.ts. The rules a
 * README writer follows are in the README's "Writing this README" section.
 */

export interface Block {
  /** First word of the info string: `sh`, `yaml`, "" for a plain block. */
  readonly lang: string;
  /** Further words of the info string, e.g. `illustrative`. */
  readonly flags: readonly string[];
  readonly text: string;
  /** 1-based line of the opening fence, for failure messages. */
  readonly line: number;
  /** The heading the block sits under, for test names. */
  readonly section: string;
}

export function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  let section = "(top)";
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#+\s+(.*)$/.exec(lines[i] as string);
    if (heading) section = heading[1] as string;
    const open = /^```(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const [lang = "", ...flags] = (open[1] as string).trim().split(/\s+/);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^```\s*$/.test(lines[j] as string)) body.push(lines[j++] as string);
    blocks.push({ lang, flags, text: body.join("\n"), line: i + 1, section });
    i = j;
  }
  return blocks;
}

export interface Command {
  /** The words, quotes removed, environment assignments dropped. */
  readonly argv: readonly string[];
  /** The exit status the README announces with a trailing `# exits N` comment (default 0). */
  readonly exit: number;
  readonly source: string;
}

/**
 * The commands of an `sh` block: when some line starts with `$ `, only those lines (the others are
 * their output); else every line that is not blank or a comment. `&&`, `||`, `;` and `|` separate
 * commands.
 */
export function shellCommands(block: string): Command[] {
  const lines = block.split("\n");
  const prompted = lines.some((l) => l.startsWith("$ "));
  const picked = prompted ? lines.filter((l) => l.startsWith("$ ")).map((l) => l.slice(2)) : lines;
  return picked.flatMap((line) => {
    const { code, comment } = splitComment(line);
    const exit = Number(/\bexits (\d)\b/.exec(comment)?.[1] ?? 0);
    return code
      .split(/&&|\|\||;|\|/)
      .map((part) => words(part).filter((_w, i, all) => !all.slice(0, i + 1).every(isAssignment)))
      .filter((argv) => argv.length > 0)
      .map((argv) => ({ argv, exit, source: line.trim() }));
  });
}

function isAssignment(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}

/** Splits a line at its first `#` outside quotes. */
function splitComment(line: string): { code: string; comment: string } {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1] as string)))
      return { code: line.slice(0, i), comment: line.slice(i) };
  }
  return { code: line, comment: "" };
}

/** Shell words: whitespace-separated, single and double quotes removed. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? "");
  return out;
}

/**
 * Repository paths the prose names: code spans holding a relative path with a `/` (a folder or a
 * file: it starts with `./` or `../`, ends with `/` or has an extension), except the outputs a run creates (`runs/…`) and placeholders (`<…>`, `*`, `…`).
 */
export function namedPaths(markdown: string): string[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```[ \t]*$/gm, "");
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] as string);
  const paths = spans.filter(
    (s) =>
      /^(\.\.?\/)?[\w.-]+(\/[\w.-]*)+$/.test(s) &&
      (/^\.\.?\//.test(s) || s.endsWith("/") || /\.[a-z]{1,5}$/.test(s)) &&
      !/^(runs|dist|node_modules)\//.test(s) &&
      !s.includes("://"),
  );
  return [...new Set(paths)];
}
