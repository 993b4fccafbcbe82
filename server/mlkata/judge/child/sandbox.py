"""Kernel-enforced confinement of a judged process, and what this machine offers of it.

A judged process applies it to itself once its own set-up is done and before any judged code
runs; the kernel then holds it, and everything the process starts inherits it. Three mechanisms,
each used where the kernel (and the C library) offer it:

- **no new privileges, no capabilities**: a judged process run by root keeps no capability (it
  cannot raise its limits, bypass file permissions, or signal others by privilege);
- **Landlock** (filesystem, network, scope): read (and execute) only the interpreter and its
  libraries (the prefixes, every ``sys.path`` folder, the system's library folders) and the
  user's own solution; read and write only the run's scratch folder and ``/dev/null``. The problem
  bank, the harness and the reference cache are carved out of every readable folder that holds
  them. From ABI 4 no TCP bind or connect; from ABI 6 no signal to, and no abstract socket of,
  any process outside the judged process (and Landlock always refuses ptrace, ``/proc/<pid>/mem``
  included, of a process outside);
- **seccomp** (through the system's libseccomp, loaded with ctypes: the run process imports only
  the standard library): no new process but threads, no exec, no socket, no cross-process memory
  access, no signal, limit or priority change aimed at another process, no namespace, mount,
  io_uring or BPF.

The audit hook (:mod:`~mlkata.judge.child.confine`) stays as a second line, for clear messages.
Landlock's syscall numbers (444-446) are the same on every architecture.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from typing import Any

LANDLOCK = "landlock"
SECCOMP = "seccomp"
MECHANISMS = (LANDLOCK, SECCOMP)

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446
_VERSION_FLAG = 1
_PATH_BENEATH = 1
_FS_ACCESS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
_EXECUTE, _WRITE_FILE, _READ_FILE, _READ_DIR = 1, 2, 4, 8
_TRUNCATE, _IOCTL_DEV = 1 << 14, 1 << 15
_NET_TCP = 3  # bind and connect
_SCOPE_ABSTRACT_UNIX, _SCOPE_SIGNAL = 1, 2
_PR_SET_NO_NEW_PRIVS, _PR_CAPBSET_DROP = 38, 24

SYSTEM_READABLE = (
    "/usr",
    "/lib",
    "/lib64",
    "/lib32",
    "/bin",
    "/sbin",
    "/etc/ld.so.cache",
    "/etc/localtime",
    "/sys/devices/system/cpu",
)
"""Beside the interpreter's own folders: the system's libraries, and what the C library reads at run time."""
DEVICES_READABLE = ("/dev/urandom", "/dev/random", "/dev/zero")

_libc: Any = None
_libseccomp: Any = None


def _lib() -> Any:
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.syscall.restype = ctypes.c_long
    return _libc


def _seccomp_lib() -> Any:
    """The system's libseccomp (None when absent); loaded once, before any fork."""
    global _libseccomp
    if _libseccomp is None:
        try:
            lib = ctypes.CDLL("libseccomp.so.2", use_errno=True)
        except OSError:
            _libseccomp = False
            return None
        lib.seccomp_init.restype = ctypes.c_void_p
        lib.seccomp_init.argtypes = [ctypes.c_uint32]
        lib.seccomp_rule_add_array.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint, ctypes.c_void_p]
        lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
        lib.seccomp_load.argtypes = [ctypes.c_void_p]
        lib.seccomp_release.argtypes = [ctypes.c_void_p]
        _libseccomp = lib
    return _libseccomp or None


def off_from_env() -> list[str]:
    """The mechanisms ``MLKATA_SANDBOX_OFF`` turns off (comma-separated names), for every run of this process."""
    return [m.strip() for m in os.environ.get("MLKATA_SANDBOX_OFF", "").split(",") if m.strip()]


def landlock_abi() -> int:
    """The Landlock ABI version this kernel offers (0: none, or turned off at boot)."""
    try:
        abi = _lib().syscall(_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_VERSION_FLAG))
    except (OSError, AttributeError):
        return 0
    return max(0, int(abi))


def probe(off: tuple[str, ...] | list[str] = ()) -> dict[str, Any]:
    """What this machine offers, and what is turned off: ``{mechanism: {"on": bool, "why": str, ...}}``."""
    abi, libseccomp = landlock_abi(), _seccomp_lib() is not None
    found: dict[str, dict[str, Any]] = {
        LANDLOCK: {
            "on": abi > 0,
            "abi": abi,
            "why": "" if abi else "this kernel has no Landlock (Linux 5.13+ with landlock in the lsm= list)",
        },
        SECCOMP: {"on": libseccomp, "why": "" if libseccomp else "libseccomp.so.2 was not found"},
    }
    if not sys.platform.startswith("linux"):
        for name in found:
            found[name] = {"on": False, "abi": 0, "why": "not Linux"}
    for name in off:
        if name in found and found[name]["on"]:
            found[name] = {**found[name], "on": False, "why": "turned off (MLKATA_SANDBOX_OFF or the judge's options)"}
    return found


def protections(found: dict[str, Any]) -> dict[str, str]:
    """What holds each protection, given :func:`probe`'s answer: the threat model's table, row by row."""
    landlock, seccomp = found[LANDLOCK]["on"], found[SECCOMP]["on"]
    abi = found[LANDLOCK].get("abi", 0) if landlock else 0
    hook = "the audit hook only (bypassable: directory-handle opens, started programs, ctypes)"
    both = " and ".join(m for m, on in ((LANDLOCK, landlock and abi >= 4), (SECCOMP, seccomp)) if on)
    if both == LANDLOCK:
        both = "landlock (TCP only: UDP and Unix sockets stay open)"
    signals = " and ".join(m for m, on in ((LANDLOCK, landlock and abi >= 6), (SECCOMP, seccomp)) if on)
    memory = " and ".join(m for m, on in ((LANDLOCK, landlock), (SECCOMP, seccomp)) if on)
    return {
        "files": LANDLOCK if landlock else hook,
        "network": both or hook,
        "processes": SECCOMP if seccomp else "the audit hook only (bypassable through ctypes)",
        "signals": signals or "none (a judged process may signal any process of the same user)",
        "memory": memory or "none (another process's /proc/<pid>/mem is readable)",
    }


class SandboxError(Exception):
    """A mechanism the probe found could not be applied (the judged process must not run)."""


def apply(found: dict[str, Any], scratch: str, private: list[str], solution: str | None) -> None:
    """Confine this process for good, with every mechanism ``found`` says is on (raises SandboxError)."""
    if not sys.platform.startswith("linux"):
        return  # the probe said so: no mechanism is on, and prctl does not exist
    libc = _lib()
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise SandboxError(f"no_new_privs: {os.strerror(ctypes.get_errno())}")
    _drop_capabilities(libc)
    if found[LANDLOCK]["on"]:
        _landlock(libc, int(found[LANDLOCK]["abi"]), scratch, private, solution)
    if found[SECCOMP]["on"]:
        _seccomp(_seccomp_lib(), os.getpid())


def _drop_capabilities(libc: Any) -> None:
    """No capability left, in any set (a no-op for an ordinary user)."""
    if os.geteuid() != 0:
        return
    for cap in range(64):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and ctypes.get_errno() == 22:  # EINVAL: past the last one
            break
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = (ctypes.c_uint32 * 6)()  # effective, permitted, inheritable (two words each): none
    if libc.capset(header, data) != 0:
        raise SandboxError(f"dropping capabilities: {os.strerror(ctypes.get_errno())}")


def readable_roots() -> list[str]:
    """The folders (and files) a judged process may read: the interpreter's, its libraries', the system's."""
    roots = [
        sys.prefix,
        sys.exec_prefix,
        sys.base_prefix,
        sys.base_exec_prefix,
        os.path.dirname(os.path.realpath(sys.executable)),
    ]
    roots += [p for p in sys.path if p]
    roots += SYSTEM_READABLE
    seen: list[str] = []
    for root in roots:
        real = os.path.realpath(root)
        if real not in seen and os.path.exists(real):
            seen.append(real)
    return seen


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def carve(roots: list[str], private: list[str]) -> list[str]:
    """The readable roots with every private folder left out.

    Landlock only grants: a root that holds a private folder is replaced by its entries, except
    the one on the way to the private folder, which is split the same way, down to it.
    """
    hidden = [os.path.realpath(p) for p in private]
    out: list[str] = []
    for root in roots:
        out.extend(_carve_one(root, hidden))
    return out


def _carve_one(root: str, hidden: list[str]) -> list[str]:
    if any(_inside(root, h) for h in hidden):
        return []
    inner = [h for h in hidden if _inside(h, root)]
    if not inner:
        return [root]
    out: list[str] = []
    try:
        entries = sorted(os.listdir(root))
    except OSError:
        return []
    for name in entries:
        out.extend(_carve_one(os.path.join(root, name), inner))
    return out


def _landlock(libc: Any, abi: int, scratch: str, private: list[str], solution: str | None) -> None:
    fs_all = _FS_ACCESS_BY_ABI[max(k for k in _FS_ACCESS_BY_ABI if k <= abi)]
    net = _NET_TCP if abi >= 4 else 0
    scoped = (_SCOPE_ABSTRACT_UNIX | _SCOPE_SIGNAL) if abi >= 6 else 0
    attr = struct.pack("=QQQ", fs_all, net, scoped)[: 8 if abi < 4 else 16 if abi < 6 else 24]
    ruleset = libc.syscall(
        _CREATE_RULESET, ctypes.create_string_buffer(attr, len(attr)), ctypes.c_size_t(len(attr)), ctypes.c_uint32(0)
    )
    if ruleset < 0:
        raise SandboxError(f"landlock_create_ruleset: {os.strerror(ctypes.get_errno())}")
    try:
        read = _EXECUTE | _READ_FILE | _READ_DIR
        for root in carve(readable_roots(), private):
            _allow(libc, ruleset, root, read)
        for device in DEVICES_READABLE:
            _allow(libc, ruleset, device, _READ_FILE)
        if (
            solution
            and os.path.isfile(solution)
            and not any(_inside(os.path.realpath(solution), os.path.realpath(p)) for p in private)
        ):
            _allow(libc, ruleset, solution, _READ_FILE)
        _allow(libc, ruleset, "/dev/null", _READ_FILE | _WRITE_FILE | (_TRUNCATE & fs_all))
        _allow(libc, ruleset, scratch, fs_all & ~_IOCTL_DEV, required=True)
        if libc.syscall(_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            raise SandboxError(f"landlock_restrict_self: {os.strerror(ctypes.get_errno())}")
    finally:
        os.close(ruleset)


def _allow(libc: Any, ruleset: int, path: str, access: int, required: bool = False) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        if required:
            raise SandboxError(f"cannot open {path}") from None
        return
    try:
        if not os.path.isdir(f"/proc/self/fd/{fd}"):
            access &= _EXECUTE | _WRITE_FILE | _READ_FILE | _TRUNCATE | _IOCTL_DEV  # the rights a file can have
        rule = ctypes.create_string_buffer(struct.pack("=Qi", access, fd), 12)
        if libc.syscall(_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_PATH_BENEATH), rule, ctypes.c_uint32(0)) != 0:
            raise SandboxError(f"landlock_add_rule {path}: {os.strerror(ctypes.get_errno())}")
    finally:
        os.close(fd)


class _ArgCmp(ctypes.Structure):
    _fields_ = [("arg", ctypes.c_uint), ("op", ctypes.c_int), ("datum_a", ctypes.c_uint64), ("datum_b", ctypes.c_uint64)]


_ALLOW = 0x7FFF0000
_NE, _MASKED_EQ = 1, 7
_CLONE_THREAD = 0x00010000
EPERM, ENOSYS = 1, 38

DENIED_SYSCALLS = (
    # new processes and programs (threads are cloned with CLONE_THREAD, below)
    "fork", "vfork", "execve", "execveat",
    # the network, and every other socket (the warm worker's included)
    "socket", "socketpair",
    # other processes' memory and file descriptors
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_open", "pidfd_getfd", "pidfd_send_signal", "kcmp", "tkill",
    # the machine itself
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsmount",
    "perf_event_open", "bpf", "userfaultfd", "io_uring_setup", "keyctl", "add_key", "request_key",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot", "swapon", "swapoff",
)  # fmt: skip
"""Refused outright with EPERM (a name the architecture lacks, e.g. fork on arm64, is skipped)."""

OWN_PROCESS_ONLY = (("kill", 0), ("tgkill", 0), ("rt_sigqueueinfo", 0), ("rt_tgsigqueueinfo", 0))
"""(syscall, argument) refused unless that argument is this process's id."""
SELF_ONLY = (("prlimit64", 0), ("sched_setaffinity", 0), ("sched_setscheduler", 0), ("sched_setparam", 0), ("sched_setattr", 0),
             ("setpriority", 1), ("ioprio_set", 1), ("migrate_pages", 0), ("move_pages", 0))  # fmt: skip
"""(syscall, argument) refused unless that argument is 0 (this process)."""


def _seccomp(lib: Any, pid: int) -> None:
    ctx = lib.seccomp_init(_ALLOW)
    if not ctx:
        raise SandboxError("seccomp_init failed")
    try:
        deny = 0x00050000 | EPERM  # SCMP_ACT_ERRNO(EPERM)

        def rule(name: str, action: int, *conditions: tuple[int, int, int, int]) -> None:
            number = lib.seccomp_syscall_resolve_name(name.encode())
            if number < 0:
                return  # not a syscall of this architecture
            args = (_ArgCmp * max(1, len(conditions)))(*[_ArgCmp(*c) for c in conditions])
            if lib.seccomp_rule_add_array(ctypes.c_void_p(ctx), action, number, len(conditions), args) != 0:
                raise SandboxError(f"seccomp rule for {name} failed")

        for name in DENIED_SYSCALLS:
            rule(name, deny)
        rule("clone", deny, (0, _MASKED_EQ, _CLONE_THREAD, 0))  # a new process, not a thread
        rule("clone3", 0x00050000 | ENOSYS)  # its flags are out of reach: the C library falls back to clone
        for name, arg in OWN_PROCESS_ONLY:
            rule(name, deny, (arg, _NE, pid, 0))
        for name, arg in SELF_ONLY:
            rule(name, deny, (arg, _NE, 0, 0))
        if lib.seccomp_load(ctypes.c_void_p(ctx)) != 0:
            raise SandboxError("seccomp_load failed")
    finally:
        lib.seccomp_release(ctypes.c_void_p(ctx))


def summary(found: dict[str, Any]) -> str:
    """One line for a log: what confines judged code, and what is off and why."""
    rows = "; ".join(f"{what}: {how}" for what, how in protections(found).items())
    off = [f"{name} off ({info['why']})" for name, info in found.items() if not info.get("on")]
    return f"judged code is confined by {rows}" + (f". Degraded: {', '.join(off)}" if off else "")
