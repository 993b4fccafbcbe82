// `make demo`'s first screen, at the driver's 1400x900 (the `firstrun` window: the demo's settings from
// client/scripts/demo-settings.json, a practice folder, a fresh profile): the ML Kata view and the
// walkthrough, no empty side bar; a problem opens with its statement beside a code editor of 100+ columns.
import * as assert from "assert";
import * as vscode from "vscode";
import { until } from "../../helpers";
import { measure, screenshot } from "../../shot";

/** The width of a code line of `columns` characters, and of the code area it is shown in. */
const LINE = "#" + "x".repeat(99);

describe("the first screen", () => {
  let app: any;

  before(async () => {
    const ext = vscode.extensions.getExtension("mlkata.mlkata")!;
    // Nothing here activates it but the practice folder (workspaceContains:.mlkata): no file is open.
    await until("the activation on the practice folder", () => ext.isActive);
    app = ext.exports;
  });

  it("shows the ML Kata view and the walkthrough, once, and no empty side bar or panel", async () => {
    await until("the walkthrough opened", () => app.firstRun.opened === 1);
    await until("the ML Kata view shown", () => app.problems.view.visible);
    // The view shown starts the server, which fills it.
    await until("the problems listed", () => app.problems.view.description);
    await until("the walkthrough on screen", async () => (await measure('.gettingStartedContainer >> text="Get started with ML Kata"')).length > 0);
    assert.deepStrictEqual(await measure(".part.auxiliarybar"), [], "the secondary side bar is hidden");
    assert.deepStrictEqual(await measure(".part.panel"), [], "no panel");
    const [sidebar] = await measure(".part.sidebar");
    assert.ok(sidebar && sidebar.width > 150, "the primary side bar shows the view");
    await screenshot("first-screen");
    // A second activation (another window of this profile) reads the same flag: no second walkthrough.
    assert.strictEqual(await app.firstRun.maybeShow(), false);
    assert.strictEqual(app.firstRun.opened, 1);
  });

  it("opens a problem with its statement beside a code editor at least 100 columns wide", async () => {
    const fitted = new Promise<void>((resolve) => {
      const sub = app.layout.onDidFit(() => {
        sub.dispose();
        resolve();
      });
    });
    const editor: vscode.TextEditor = await vscode.commands.executeCommand("mlkata.open", "scaled-dot-product-attention");
    await fitted;
    const groups = vscode.window.tabGroups.all;
    assert.strictEqual(groups.length, 2, "the solution and the statement beside it");
    assert.ok(groups[1].tabs.some((t) => /statement(\.[a-z-]+)?\.md$/.test(t.label)), "the statement in the second group");
    assert.strictEqual(app.problems.view.visible, false, "the ML Kata view stepped aside");

    // A 100-column line under the marker: its rendered width gives the character width.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), `${LINE}\n`)));
    const line = await until("the long line drawn", async () => (await measure(`.monaco-editor .view-line:has-text("${LINE}") > span`))[0]);
    const [code] = await measure(`.monaco-editor:has(.view-line:has-text("${LINE}")) .editor-scrollable`);
    const charWidth = line.width / LINE.length;
    const scrollbar = 14; // editor.scrollbar.verticalScrollbarSize
    const columns = Math.floor((code.width - scrollbar) / charWidth);
    console.log(`  code area ${Math.round(code.width)} px, ${charWidth.toFixed(2)} px per character: ${columns} columns`);
    assert.ok(columns >= 100, `${columns} columns`);
    const pages = await measure(".editor-group-container");
    assert.strictEqual(pages.length, 2);
    assert.ok(pages[1].width >= 350, `the statement's group is ${pages[1].width} px wide`);
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(1, 0, 2, 0))));
    assert.ok(await editor.document.save(), "saved as created");
    await until("the line gone from the screen", async () => (await measure(`.view-line:has-text("${LINE}")`)).length === 0);
    await until("the starter judged", () => vscode.languages.getDiagnostics(editor.document.uri).length > 0);
    await screenshot("problem-open");
  });
});
