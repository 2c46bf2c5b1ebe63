// Shared frame for the command-line tools: errors print as one clear line, never a stack trace
// (unless CASEBOOK_DEBUG is set), and the exit code says what happened.
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`错误：${message}`);
      if (process.env.CASEBOOK_DEBUG && error instanceof Error) console.error(error.stack);
      process.exit(2);
    },
  );
}
