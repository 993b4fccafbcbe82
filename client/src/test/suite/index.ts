import * as fs from "fs";
import * as path from "path";
import Mocha from "mocha";

/** One test's outcome, as written to MLKATA_E2E_RESULT for the e2e driver. */
interface TestResult {
  title: string;
  state: "passed" | "failed" | "pending";
  error?: string;
}

/**
 * Entry point the extension host calls (extensionTestsPath): runs every `*.test.js` beside this
 * file, or in `<session>/` in the e2e driver's other windows (MLKATA_E2E_SESSION: `restricted`...),
 * only those matching MLKATA_E2E_GREP if set; writes `{passed, failed, tests}` to MLKATA_E2E_RESULT,
 * and rejects if any test failed.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", timeout: 120_000, color: false });
  if (process.env.MLKATA_E2E_GREP) mocha.grep(process.env.MLKATA_E2E_GREP);
  const session = process.env.MLKATA_E2E_SESSION ?? "main";
  const dir = session === "main" ? __dirname : path.join(__dirname, session);
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith(".test.js")) mocha.addFile(path.join(dir, file));
  }

  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = tests.filter((t) => t.state === "passed").length;
      const resultFile = process.env.MLKATA_E2E_RESULT;
      if (resultFile) {
        fs.writeFileSync(resultFile, JSON.stringify({ passed, failed: failures, tests }, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on("pass", (test) => tests.push({ title: test.fullTitle(), state: "passed" }));
    runner.on("pending", (test) => tests.push({ title: test.fullTitle(), state: "pending" }));
    runner.on("fail", (test, err: Error) =>
      tests.push({ title: test.fullTitle(), state: "failed", error: err?.stack ?? String(err) }),
    );
  });
}
