/**
 * Ctrl-C or SIGTERM during a run or sweep: finished blocks and points are already on disk (each
 * written under a temporary name and renamed), and what was being written is under a temporary
 * name that `--resume` discards; say how to resume, then stop (exit 130 / 143).
 */
export function onInterrupt(what: string): () => void {
  const handler = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${what}: stopped by ${signal}; ${resumeHint()}\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

/** "what finished is kept. Resume with: ballast <the same arguments> --resume". */
export function resumeHint(): string {
  const again = process.argv.slice(2).filter((a) => a !== "--resume");
  return `what finished is kept. Resume with:\n  ballast ${again.join(" ")} --resume`;
}
