import { main } from "./cli.js";
import { installSignalHandlers } from "./pipeline/interrupt.js";

// The process entry point: nothing else calls process.exit, but the signal handlers it installs.
installSignalHandlers();
process.exit(await main(process.argv.slice(2)));
