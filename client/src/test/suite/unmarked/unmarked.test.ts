// A window whose folder holds other Python code (the driver's `unmarked` window: a plain hello.py, no
// `.mlkata`): ML Kata activates on the Python file but starts no language server until a solution opens.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { ROOT, until, workspaceFile } from "../../helpers";
import { serverPids } from "../../processes";
import { SOURCE } from "../../../protocol";

describe("a window without an ML Kata file", () => {
  const ext = vscode.extensions.getExtension("mlkata.mlkata")!;

  it("declares no start-up activation, no virtual workspaces, and the fields a published extension has", () => {
    const manifest = ext.packageJSON;
    assert.ok(!manifest.activationEvents.includes("onStartupFinished") && !manifest.activationEvents.includes("*"), manifest.activationEvents);
    assert.ok(manifest.activationEvents.includes("workspaceContains:.mlkata"), "a practice folder activates it");
    assert.strictEqual(manifest.capabilities.virtualWorkspaces, false);
    for (const field of ["icon", "repository", "homepage", "bugs", "galleryBanner", "license"]) assert.ok(manifest[field], field);
    assert.ok(fs.existsSync(path.join(ext.extensionPath, manifest.icon)), `the icon ${manifest.icon} is packaged`);
  });

  it("activates on a plain Python file but starts no language server", async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile("hello.py"));
    await vscode.window.showTextDocument(doc);
    await until("the activation on a Python file (onLanguage:python)", () => ext.isActive);
    const app = await ext.activate();
    // Proving an absence takes a wait: time for a start to show, were one begun.
    await new Promise((r) => setTimeout(r, 3000));
    assert.deepStrictEqual(serverPids(), [], "no language server process");
    assert.strictEqual(app.client, undefined, "no language client");
    assert.strictEqual(app.serverStarted, false, "the server was not asked for");
    assert.strictEqual(app.status.text, "ML Kata: idle");
  });

  it("starts the server when a marked solution is opened, which it then judges", async () => {
    const app = ext.exports;
    const uri = workspaceFile("mm.py");
    const starter = fs.readFileSync(path.join(ROOT, "problems", "matrix-multiply", "starter.py"), "utf8");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`# mlkata: matrix-multiply\n${starter}`));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await until("the server started by the solution", () => app.serverStarted && serverPids().length === 1 && app.client?.isRunning());
    const diagnostics = await until("the solution judged", () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
      return found.length > 0 && found;
    });
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Error), "the starter fails its hidden tests");
  });
});
