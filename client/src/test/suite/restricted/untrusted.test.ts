// A folder the user has not trusted (VS Code's Restricted Mode): ML Kata judges and runs nothing, not on
// open, not on save, not from a command; it starts no server and never runs the interpreter the folder's
// own settings name. Once the user trusts it, the server starts and judges. The e2e driver opens this
// window with workspace trust on (client/e2e/run.js).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { Commands, ServerCommands, Views } from "../../../protocol";
import { ROOT, mlkataDiagnostics, until, workspaceFile } from "../../helpers";
import { serverPids } from "../../processes";
import { click, screenshot } from "../../shot";

/** Left behind by the folder's own `.venv/bin/python` (client/e2e/run.js plants it) if it ever runs. */
const TRAP = process.env.MLKATA_E2E_TRAP ?? "";

/** Nothing of ML Kata ran: no server process, no client, the folder's interpreter untouched. */
function assertNothingRan(app: any): void {
  assert.deepStrictEqual(serverPids(), [], "no language server process");
  assert.strictEqual(app.client, undefined, "no language client");
  assert.ok(TRAP && !fs.existsSync(TRAP), `the folder's own interpreter ran (${TRAP})`);
}

describe("an untrusted folder (Restricted Mode)", () => {
  let app: any;

  before(async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, "the driver opens this window with the folder untrusted");
    app = await vscode.extensions.getExtension("mlkata.mlkata")!.activate();
  });

  it("starts no server, shows Restricted Mode in the status item and explains nothing before it is needed", async () => {
    assertNothingRan(app);
    assert.strictEqual(app.status.text, "ML Kata: restricted mode");
    assert.strictEqual(app.status.command?.command, "workbench.trust.manage");
    assert.strictEqual(app.trust.explained, 0, "no explanation before ML Kata is needed (no solution open yet)");
    const commands = await vscode.commands.getCommands(true);
    assert.ok(!commands.includes(ServerCommands.LIST_PROBLEMS), "no server commands registered (no client)");
  });

  it("judges nothing when a marked solution is opened and saved", async () => {
    const uri = workspaceFile("mm.py");
    const starter = fs.readFileSync(path.join(ROOT, "problems", "matrix-multiply", "starter.py"), "utf8");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`# mlkata: matrix-multiply\n${starter}`));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(doc.lineCount, 0), "\n# edited\n");
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save(), "saved");
    // Proving an absence takes a wait (the last test shows this file judged once the folder is trusted).
    await new Promise((r) => setTimeout(r, 3000));
    assert.deepStrictEqual(mlkataDiagnostics(uri), [], "no ML Kata diagnostics");
    assertNothingRan(app);
    assert.strictEqual(app.trust.explained, 1, "the explanation, once, when a solution was opened");
    assert.strictEqual(app.status.text, "ML Kata: restricted mode");
    await screenshot("restricted-mode");
  });

  it("runs no command: each shows the Restricted Mode explanation instead", async () => {
    const before: number = app.trust.explained;
    const tried = [Commands.OPEN, Commands.RUN, Commands.RESTART_SERVER, Commands.SHOW_PROGRESS];
    assert.strictEqual(await vscode.commands.executeCommand(Commands.OPEN, "matrix-multiply"), undefined);
    for (const command of tried.slice(1)) assert.strictEqual(await vscode.commands.executeCommand(command), undefined, command);
    assert.strictEqual(app.trust.explained, before + tried.length, "one explanation per command");
    await vscode.commands.executeCommand(Commands.SHOW_LOGS); // runs nothing: allowed, no explanation
    assert.strictEqual(app.trust.explained, before + tried.length, "Show Logs is not refused");
    const files = await vscode.workspace.fs.readDirectory(vscode.workspace.workspaceFolders![0].uri);
    assert.ok(!files.some(([name]) => name === "matrix_multiply.py"), "Open Problem created no solution file");
    // What the views and the Testing view ask the server gets the same answer.
    await assert.rejects(app.listProblems(), /judges nothing in Restricted Mode/);
    assertNothingRan(app);
    // The Problems view's welcome says why it is empty; the notification list holds the explanations.
    await vscode.commands.executeCommand(`workbench.view.extension.${Views.CONTAINER}`);
    await vscode.commands.executeCommand("notifications.showList");
    await new Promise((r) => setTimeout(r, 1000)); // let the view and the list draw
    await screenshot("restricted-mode-command");
    await vscode.commands.executeCommand("notifications.hideList");
  });

  // Last: trust cannot be taken back in this window.
  it("starts the server once the folder is trusted, which then judges the open solution", async () => {
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    await vscode.commands.executeCommand("workbench.trust.manage");
    // VS Code has no API that trusts a folder: the browser presses the trust editor's button, as a user does.
    await click('.workspace-trust-editor .workspace-trust-buttons-row >> role=button[name="Trust"s]');
    await granted;
    const uri = workspaceFile("mm.py");
    // Trusting also makes the folder's own `mlkata.python` count: the server it ends up on runs that one.
    const diagnostics = await until<vscode.Diagnostic[]>("the server on the folder's interpreter, judging the open solution", () => {
      const found = mlkataDiagnostics(uri);
      return fs.existsSync(TRAP) && serverPids().length === 1 && app.client?.isRunning() && found.length > 0 && found;
    });
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Error), "the starter fails its hidden tests");
    assert.match(app.status.text, /^ML Kata: ready/);
    const before: number = app.trust.explained;
    assert.ok((await app.listProblems()).length > 0, "commands reach the server");
    assert.strictEqual(app.trust.explained, before, "no explanation once trusted");
  });
});
