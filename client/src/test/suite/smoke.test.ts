import * as assert from "assert";
import * as vscode from "vscode";
import { screenshot } from "../shot";

describe("smoke", () => {
  it("the extension activates and registers every command it contributes", async () => {
    const ext = vscode.extensions.getExtension("mlkata.mlkata");
    assert.ok(ext, "extension mlkata.mlkata is not loaded");
    await ext.activate();
    assert.ok(ext.isActive, "extension mlkata.mlkata did not activate");

    const contributed: string[] = (ext.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0, "the manifest contributes no commands");
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), [], "contributed commands not registered");
    await screenshot("smoke");
  });
});
