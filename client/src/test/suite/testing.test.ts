// The Testing view in a real VS Code: expected/actual diffs, re-running one test, the Debug profile, continuous runs.
import * as assert from "assert";
import * as fs from "fs";
import * as vscode from "vscode";
import { golden as goldenOf, replaceAndSave, startedApp, until } from "../helpers";
import { click, measure, screenshot } from "../shot";

const PROBLEM = "scaled-dot-product-attention";
const golden = (name: string): string => goldenOf(PROBLEM, name);

describe("The Testing view", () => {
  let app: any;
  let doc: vscode.TextDocument;
  let uri: string;
  let total: number;

  /** The file's test item and one of its hidden tests' items. */
  function items(test: string): { file: vscode.TestItem; item: vscode.TestItem } {
    const file: vscode.TestItem | undefined = app.tests.controller.items.get(uri);
    const item = file?.children.get(`${uri}#${test}`);
    assert.ok(file && item, `the items of ${test}`);
    return { file, item };
  }

  /** Run a profile's handler on a request, as the Testing view does. */
  async function runProfile(profile: vscode.TestRunProfile, include: vscode.TestItem[]): Promise<void> {
    const tokens = new vscode.CancellationTokenSource();
    await profile.runHandler(new vscode.TestRunRequest(include, undefined, profile), tokens.token);
  }

  before(async () => {
    app = await startedApp();
    const editor: vscode.TextEditor = await vscode.commands.executeCommand("mlkata.open", PROBLEM);
    doc = editor.document;
    uri = doc.uri.toString();
    await replaceAndSave(doc, golden("missing_scale"));
    // The starter's run (not implemented) may come first: wait for the wrong solution's whole run.
    const report = await until("the wrong solution's run", () => {
      const r = app.tests.reports.get(uri);
      return r?.tests.some((t: any) => t.verdict === "wrong_answer") ? r : undefined;
    });
    total = report.total;
  });

  it("shows a failing test's expected and actual values as a diff, with the failing case's lines", async () => {
    const id = `${uri}#output_matches_reference`;
    const message: vscode.TestMessage = await until("the failure message", () => app.tests.messages.get(id));
    assert.match(String(message.expectedOutput), /^\{\n {2}'out': float32 \(2, 3, 6\)\n {2}\[\[\[/);
    assert.match(String(message.actualOutput), /^\{\n {2}'out': float32 \(2, 3, 6\)/);
    assert.notStrictEqual(message.expectedOutput, message.actualOutput);
    const text = typeof message.message === "string" ? message.message : message.message.value;
    assert.match(text, /^wrong answer: .*out: max abs error/);
    assert.ok(text.split("\n").some((l) => l.startsWith("input q: float32 (2, 3, 4)")), text);
    const defLine = doc.getText().split("\n").findIndex((l) => l.startsWith("def scaled_dot_product_attention"));
    assert.strictEqual(message.location?.range.start.line, defLine);
    // A check of a property (rows sum to one) has no expected value: no diff, only the message.
    const property = app.tests.reports.get(uri).tests.find((t: any) => t.name === "weights_sum_to_one_over_last_axis");
    assert.ok(property.verdict === "passed" || property.expected === undefined);

    // The peek: a click on the failure's inline message opens it, with the expected/actual diff.
    await vscode.commands.executeCommand("workbench.view.testing.focus");
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    if (process.env.MLKATA_E2E_SHOTS) {
      // The decoration at the end of the failing line: VS Code writes the values' first characters there.
      const inline = "text=/^\\{ 'out': float/";
      await until("the inline failure message", async () => (await measure(inline)).length > 0, 30000);
      await click(`${inline} >> nth=0`);
      await until("the peek with the diff", async () => (await measure(".test-output-peek .monaco-diff-editor")).length > 0, 30000);
      await new Promise((r) => setTimeout(r, 1000)); // the diff's highlights are drawn after the editors appear
      await screenshot("testing-diff");
      await vscode.commands.executeCommand("closeReferenceSearch").then(undefined, () => undefined);
    }
  });

  it("re-runs one hidden test alone and a whole file; the other tests keep their results", async () => {
    const { file, item } = items("output_matches_reference");
    const before = app.tests.shown.length;
    await runProfile(app.tests.runProfile, [item]);
    const requested = app.tests.shown.slice(before).filter((s: any) => s.requested);
    assert.deepStrictEqual(
      requested.map((s: any) => [s.tests, s.partial]),
      [[["output_matches_reference"], true]],
    );
    assert.strictEqual(app.tests.reports.get(uri).total, total, "the file still has every test's result");
    assert.strictEqual(file.children.size, total);

    const again = app.tests.shown.length;
    await runProfile(app.tests.runProfile, [file]);
    const whole = app.tests.shown.slice(again).filter((s: any) => s.requested);
    assert.strictEqual(whole.length, 1);
    assert.strictEqual(whole[0].tests.length, total);
    assert.strictEqual(whole[0].partial, false);
  });

  it("debugs a failing test: without the Python extension its script runs in a terminal", async () => {
    const { item } = items("weights_match_reference");
    await runProfile(app.tests.debugProfile, [item]);
    const record = app.tests.lastDebug;
    assert.strictEqual(record?.test, "weights_match_reference");
    assert.strictEqual(record.launch.how, "terminal", "code-server has no Python debugger");
    assert.strictEqual(record.launch.terminal.name, "ML Kata: weights_match_reference");
    assert.ok(vscode.window.terminals.includes(record.launch.terminal));
    const script = vscode.Uri.joinPath(doc.uri, "..", ".mlkata", "repro_weights_match_reference.py");
    assert.ok(fs.existsSync(script.fsPath), "the script was written beside the solution");
    // The script ran and reported the failure: its exit status and output, through the terminal's shell integration.
    assert.strictEqual(record.outcome.exitCode, 1, JSON.stringify(record.outcome));
    assert.match(record.outcome.output, /FAIL weights_match_reference: /);
    record.launch.terminal.dispose();
  });

  it("reports each save's run into a continuous run until it is stopped", async () => {
    const { file } = items("output_matches_reference");
    const tokens = new vscode.CancellationTokenSource();
    const profile: vscode.TestRunProfile = app.tests.runProfile;
    assert.ok(profile.supportsContinuousRun);
    const watching = profile.runHandler(new vscode.TestRunRequest([file], undefined, profile, true), tokens.token);
    const before = app.tests.shown.length;
    await replaceAndSave(doc, golden("einsum_stable"));
    const continuous = await until("the save's run in the continuous run", () =>
      app.tests.shown.slice(before).find((s: any) => s.uri === uri && s.continuous),
    );
    assert.strictEqual(continuous.tests.length, total);
    assert.strictEqual(app.tests.reports.get(uri).verdict, "passed");
    tokens.cancel();
    await watching;

    const after = app.tests.shown.length;
    await replaceAndSave(doc, golden("missing_scale"));
    const own = await until("the save's run, on its own", () => app.tests.shown.slice(after).find((s: any) => s.uri === uri));
    assert.strictEqual(own.continuous, false, "stopped: a save's run is a run of its own again");
  });
});
