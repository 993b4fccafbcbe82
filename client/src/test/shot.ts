import * as fs from "fs";
import * as path from "path";

const TIMEOUT_MS = 15_000;
const POLL_MS = 100;

/**
 * Asks the e2e driver (client/e2e/run.js), which owns the browser, for something only it can do
 * (`body`: empty for a screenshot, JSON for the rest). Resolves with its status ("ok" or the error),
 * or undefined outside the driver (MLKATA_E2E_SHOTS unset) or after no answer within 15 s.
 */
async function ask(name: string, body: string): Promise<string | undefined> {
  const dir = process.env.MLKATA_E2E_SHOTS;
  if (!dir) return undefined;
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  // Written whole, then renamed: the driver polls and must not read half a request.
  const request = path.join(dir, `${name}.request`);
  fs.writeFileSync(`${request}.tmp`, body);
  fs.renameSync(`${request}.tmp`, request);
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (fs.existsSync(done)) return fs.readFileSync(done, "utf8");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return undefined;
}

/**
 * A screenshot of the workbench as it is now, saved as `<name>.png`. Resolves once it is written, or
 * after 15 s. Does nothing outside the e2e driver.
 */
export async function screenshot(name: string): Promise<void> {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, "_");
  const status = await ask(safe, "");
  // A missing picture is not a test failure.
  if (status !== "ok" && process.env.MLKATA_E2E_SHOTS) console.warn(`screenshot ${safe}: ${status ?? "no answer from the driver"}`);
}

/** A click, by the browser, on the workbench element a Playwright selector names; throws when it could not. */
export async function click(selector: string): Promise<void> {
  const status = await ask(`click-${Date.now()}`, JSON.stringify({ click: selector }));
  if (status !== "ok") throw new Error(`clicking ${selector}: ${status ?? "no e2e driver answered"}`);
}

/** An element's place on the page, in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bounding boxes of the visible workbench elements a Playwright selector matches (none: []); throws without the driver. */
export async function measure(selector: string): Promise<Box[]> {
  const name = `measure-${Date.now()}`;
  const status = await ask(name, JSON.stringify({ measure: selector }));
  if (status !== "ok") throw new Error(`measuring ${selector}: ${status ?? "no e2e driver answered"}`);
  const file = path.join(process.env.MLKATA_E2E_SHOTS!, `${name}.json`);
  const boxes = JSON.parse(fs.readFileSync(file, "utf8")) as Box[];
  fs.rmSync(file, { force: true });
  return boxes;
}
