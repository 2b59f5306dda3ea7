// Child process for write.test.ts: rewrites one report file in a loop until it is killed.
import { commitStaged, stageFile } from "../../src/stages/report/write.js";

const writeFileAtomic = (dir: string, name: string, content: string) => commitStaged(dir, [stageFile(dir, name, content)]);

const [dir, name] = process.argv.slice(2) as [string, string];
const contents = ["A".repeat(4_000_000), "B".repeat(4_000_000)];
let i = 0;
writeFileAtomic(dir, name, contents[0]!);
process.stdout.write("ready\n");
for (;;) writeFileAtomic(dir, name, contents[++i % 2]!);
