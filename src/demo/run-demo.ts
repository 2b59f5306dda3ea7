import { runDemo } from "./demo.js";

process.exit(await runDemo(process.argv.slice(2)));
