// The language server processes of this extension host, read from /proc (the e2e suites run on Linux).
import * as fs from "fs";
import { SERVER_MODULE } from "../protocol";

/** A process's parent pid (field 4 of /proc/<pid>/stat, counted after the name, which may hold spaces). */
function parentOf(pid: string): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined; // gone meanwhile
  }
}

function argvOf(pid: string): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

/**
 * The pids of the running `python -m mlkata.server` processes this extension host started (the tests run in
 * it). Its children only: other checkouts' servers on the machine are not ours, and the interpreter check
 * (`python -c ...`) and the warm workers have other command lines. A killed, unreaped one has none.
 */
export function serverPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid) && parentOf(pid) === process.pid)
    .filter((pid) => {
      const argv = argvOf(pid);
      const m = argv.indexOf("-m");
      return m >= 0 && argv[m + 1] === SERVER_MODULE;
    })
    .map(Number);
}
