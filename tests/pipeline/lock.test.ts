import { spawn } from "node:child_process";
import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireRunLock } from "../../src/pipeline/lock.js";
import { LitreviewError } from "../../src/errors.js";

const root = resolve(import.meta.dirname, "../..");

/** Starts a child that takes the lock, says "locked" and waits to be killed. */
function holdLockInChild(store: string): Promise<{ kill: () => Promise<void>; pid: number }> {
  const script = `import { acquireRunLock } from ${JSON.stringify(join(root, "src/pipeline/lock.ts"))};
acquireRunLock(${JSON.stringify(store)}, "child", new Date()); process.stdout.write("locked\\n"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolveChild, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("locked"))
        resolveChild({
          pid: child.pid!,
          kill: () =>
            new Promise((done) => {
              child.on("exit", () => done());
              child.kill("SIGKILL");
            }),
        });
    });
    child.on("error", reject);
  });
}

describe("run lock", () => {
  it("lets one run hold a store and refuses a second with who holds it", () => {
    const store = join(mkdtempSync(join(tmpdir(), "litreview-lock-")), "s.sqlite");
    const first = acquireRunLock(store, "litreview run", new Date("2026-01-01T00:00:00Z"));
    let error: unknown;
    try {
      acquireRunLock(store, "litreview run", new Date());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LitreviewError);
    expect((error as LitreviewError).exitCode).toBe(4);
    expect((error as Error).message).toMatch(new RegExp(`in use by pid ${process.pid} .*started 2026-01-01T00:00:00.000Z`));
    first.release();
    const second = acquireRunLock(store, "litreview run", new Date());
    expect(second.tookOverFrom).toBeNull();
    second.release();
    expect(existsSync(`${store}.lock.json`)).toBe(false);
  });

  it("takes over a lock whose holder was killed with SIGKILL", async () => {
    const store = join(mkdtempSync(join(tmpdir(), "litreview-lock-")), "s.sqlite");
    const child = await holdLockInChild(store);
    expect(() => acquireRunLock(store, "second", new Date())).toThrow(/in use by pid/);
    await child.kill();
    const lock = acquireRunLock(store, "third", new Date());
    expect(lock.tookOverFrom?.pid).toBe(child.pid);
    lock.release();
  });
});
