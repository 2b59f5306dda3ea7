import { main } from "./cli.js";

// The process entry point: nothing else calls process.exit.
process.exit(await main(process.argv.slice(2)));
