import * as fs from "fs";
import * as path from "path";

const TIMEOUT_MS = 10_000;
const POLL_MS = 100;

/**
 * Asks the e2e driver (client/e2e/run.js), which owns the browser, for a screenshot of the
 * workbench as it is now, saved as `<name>.png`. Resolves once it is written, or after 10 s.
 * Does nothing outside the e2e driver (MLKATA_E2E_SHOTS unset).
 */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.MLKATA_E2E_SHOTS;
  if (!dir) return;
  const safe = name.replace(/[^A-Za-z0-9._-]/g, "_");
  const done = path.join(dir, `${safe}.done`);
  fs.rmSync(done, { force: true });
  fs.writeFileSync(path.join(dir, `${safe}.request`), "");
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (fs.existsSync(done)) {
      const status = fs.readFileSync(done, "utf8");
      if (status !== "ok") console.warn(`screenshot ${safe}: ${status}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  // A missing picture is not a test failure.
  console.warn(`screenshot ${safe}: no answer from the driver within ${TIMEOUT_MS / 1000} s`);
}
