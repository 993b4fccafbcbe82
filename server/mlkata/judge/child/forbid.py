"""A problem's forbidden APIs in a judged process, matched by what is called, not by its name.

Each forbidden name is looked up once in the judged process; what it names decides what is refused:

- a module (``numpy``, ``torch.optim``): importing it or anything in it (a meta-path finder; what
  was imported is dropped from ``sys.modules``); a submodule's attribute refuses every use;
- a class (``torch.nn.MultiheadAttention``): its construction, ``isinstance`` still working (one
  whose ``__init__`` cannot be set, ``collections.OrderedDict``, is replaced by a stand-in);
- a callable torch passes to a ``TorchFunctionMode`` (its builtins, ``torch.ops`` operators, Tensor
  methods, Python functions calling ``handle_torch_function``): every call whose :func:`key_of` is
  forbidden, refused by one mode entered for the whole process. An ATen operator's key is
  ``aten::NAME`` however it is reached (``torch._C._VariableFunctions.layer_norm``,
  ``torch.ops.aten.layer_norm.default``, ``x.layer_norm(...)``; in-place ``NAME_`` is NAME), any
  other callable's is itself. A forbidden Python function of torch with a builtin of the same name
  in torch's operator namespaces (``F.layer_norm``, ``F.dropout``) forbids that operator too, since
  it runs it; nothing else its body calls (``F.multi_head_attention_forward``'s ``softmax`` stays allowed);
- any other callable (``heapq.nlargest``, ``builtins.sorted``): replaced by one that refuses, under
  every name its owner, its ``__module__`` and that module's C accelerator (``_operator``) hold it by.

A refusal records a hit (what was called, how it matched, its line in the judged file) and raises
:class:`~mlkata.judge.child.confine.ForbiddenCall`. So are the obvious ways of switching the mode
off: ``DisableTorchFunction``, disabling torch functions, popping it off the mode stack (torch pops
it only to call it, or to slide a device context under it), exiting it, replacing its handler,
skipping it for a call. Threads judged code starts run under it, and so do judged code's own
functions that reach it. Like the rest of the confinement, this keeps ordinary code and obvious
tricks within the rules; it is no security boundary.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any, NoReturn

from mlkata.judge.child.confine import ForbiddenCall
from mlkata.judge.child.forbid_modules import block_modules, refusing_module

# What this module matches and guards is torch's own machinery (torch._C, the operators' schemas,
# the mode stack) and the interpreter's frames: reaching private members is its job.
# ruff: noqa: SLF001

Refuse = Callable[[str], NoReturn]

OP_SPACES = ("_VariableFunctions", "_nn", "_special", "_linalg", "_fft")
"""The ``torch._C`` namespaces whose builtins are the ATen operators of the same name."""

_MISSING = object()
_ALLOWED, _REFUSED, _FOREIGN = 0, 1, 2
"""What the mode does with a call: run it; refuse it; run it under the mode again (judged code's own)."""


def guard(forbidden: list[str], hits: list[str], filename: str) -> None:
    """Forbid these dotted names for the rest of the judged process; a refused call appends to hits."""
    refuse = _refuser(hits, filename)
    modules: list[str] = []
    ops: dict[Any, str] = {}
    derived: dict[Any, str] = {}
    for dotted in forbidden:
        found = _resolve(dotted)
        if found is None:
            if "." not in dotted:
                modules.append(dotted)  # not installed: refused at import
            continue
        owner, attr, obj = found
        if isinstance(obj, types.ModuleType):
            modules.append(dotted)
            if owner is not None:
                _replace(obj, refusing_module(dotted, obj, refuse, filename), owner, attr)
        elif isinstance(obj, type):
            _block_class(obj, owner, attr, dotted, refuse)
        elif _torch_sees(obj):
            ops.setdefault(key_of(obj), dotted)
            for key in forbidden_keys(obj):
                derived.setdefault(key, dotted)
        elif callable(obj):
            _replace(obj, lambda *a, _name=dotted, **k: refuse(_name), owner, attr)
    if modules:
        block_modules(modules, refuse, filename)
    torch = sys.modules.get("torch")
    if ops and torch is not None:
        _enter_mode(torch, derived | ops, refuse)


def _refuser(hits: list[str], filename: str) -> Refuse:
    def refuse(what: str) -> NoReturn:
        frame = sys._getframe(1)  # the line: the innermost frame of the judged file (walked on a hit only)
        while frame is not None and frame.f_code.co_filename != filename:
            frame = frame.f_back  # type: ignore[assignment]
        message = what + (f" (line {frame.f_lineno})" if frame is not None else "")
        hits.append(message)
        raise ForbiddenCall(message)

    return refuse


def _resolve(dotted: str) -> tuple[Any, str, Any] | None:
    """(owner, attribute, object) that a dotted name names in this process; None if nothing loaded."""
    parts = dotted.split(".")
    owner_name = ".".join(parts[:-1])
    if owner_name and owner_name not in sys.modules and parts[0] in sys.stdlib_module_names:
        try:
            importlib.import_module(owner_name)  # heapq.nlargest is refused even if heapq comes later
        except ImportError:
            pass
    end = next((n for n in range(len(parts), 0, -1) if sys.modules.get(".".join(parts[:n])) is not None), 0)
    if not end:
        return None
    module: Any = sys.modules[".".join(parts[:end])]
    if end == len(parts):
        return sys.modules.get(owner_name), parts[-1], module
    owner = obj = module
    for attr in parts[end:]:
        owner, obj = obj, getattr(obj, attr, _MISSING)
        if obj is _MISSING:
            return None
    return owner, parts[-1], obj


def _in_torch(obj: Any) -> bool:
    module = getattr(obj, "__module__", None)
    return isinstance(module, str) and (module == "torch" or module.startswith("torch."))


def _op_key(qualified: str) -> str:
    space, _, name = qualified.rpartition("::")
    if name.endswith("_") and not name.endswith("__"):
        name = name[:-1]  # the in-place variant runs the same operator
    return f"{space or 'aten'}::{name}"


def key_of(func: Any) -> Any:
    """What a call is matched by: ``aten::NAME`` for an ATen operator however reached, else the callable."""
    ops = sys.modules.get("torch._ops")
    if ops is not None and isinstance(func, (ops.OpOverloadPacket, ops.OpOverload)):
        return _op_key(func._schema.name if isinstance(func, ops.OpOverload) else func._qualified_op_name)
    if isinstance(func, types.BuiltinFunctionType) and _in_torch(func):
        return _op_key(func.__name__)
    tensor_base = getattr(sys.modules.get("torch._C"), "TensorBase", 0)
    if isinstance(func, types.MethodDescriptorType) and func.__objclass__ is tensor_base:
        return _op_key(func.__name__)
    return func


def forbidden_keys(obj: Any) -> set[Any]:
    """The keys a forbidden torch callable forbids: its own, and the operator a Python function runs."""
    keys = {key_of(obj)}
    torch_c = sys.modules.get("torch._C")
    if isinstance(obj, types.FunctionType) and _in_torch(obj) and torch_c is not None:
        spaces = [getattr(torch_c, space, None) for space in OP_SPACES]
        if any(isinstance(getattr(space, obj.__name__, None), types.BuiltinFunctionType) for space in spaces):
            keys.add(_op_key(obj.__name__))
    return keys


def _torch_sees(obj: Any) -> bool:
    """Whether torch passes calls of obj to a TorchFunctionMode (else it is replaced by name)."""
    if isinstance(obj, types.FunctionType):
        return _in_torch(obj) and "handle_torch_function" in obj.__code__.co_names
    return key_of(obj) is not obj


def name_of(func: Any) -> str:
    """How a callable is named in messages: ``torch.ops.aten.layer_norm.default``, ``torch.Tensor.softmax``."""
    ops = sys.modules.get("torch._ops")
    if ops is not None and isinstance(func, ops.OpOverload):
        return f"torch.ops.{func._schema.name.replace('::', '.')}.{func._overloadname}"
    if ops is not None and isinstance(func, ops.OpOverloadPacket):
        return "torch.ops." + func._qualified_op_name.replace("::", ".")
    objclass = getattr(func, "__objclass__", None)
    if isinstance(objclass, type):
        owner = "torch.Tensor" if objclass.__name__ == "TensorBase" else f"{objclass.__module__}.{objclass.__qualname__}"
        return f"{owner}.{func.__name__}"
    name = func.__name__ if isinstance(func, types.BuiltinFunctionType) else getattr(func, "__qualname__", repr(func))
    module = getattr(func, "__module__", None)
    return f"{module}.{name}" if isinstance(module, str) else str(name)


def _how(func: Any, dotted: str) -> str:
    """What was called and how it matched the forbidden name (on a hit only)."""
    called = name_of(func)
    if called == dotted:
        return called
    found = _resolve(dotted)
    if found is not None and found[2] is func:
        return f"{called}, which is {dotted}"
    return f"{called}, which runs {key_of(func)} as {dotted} does"


def _replace(obj: Any, new: Any, owner: Any, attr: str) -> None:
    """new in obj's place on its owner, and under every name its owner, module and that module's accelerator hold it."""
    try:
        setattr(owner, attr, new)
    except (TypeError, AttributeError):
        pass
    defined = getattr(obj, "__module__", None)
    places = [owner, *((sys.modules.get(defined), sys.modules.get("_" + defined)) if isinstance(defined, str) else ())]
    for module in places:
        if isinstance(module, types.ModuleType):
            for name, value in list(vars(module).items()):
                if value is obj:
                    setattr(module, name, new)


def _block_class(cls: type, owner: Any, attr: str, dotted: str, refuse: Refuse) -> None:
    """Construction refused, ``isinstance`` kept (a stand-in in its place when ``__init__`` cannot be set)."""

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        refuse(dotted)

    class Refused(type):
        def __instancecheck__(self, obj: Any) -> bool:
            return isinstance(obj, cls)

        def __subclasscheck__(self, sub: Any) -> bool:
            return issubclass(sub, cls)

        def __call__(self, *args: Any, **kwargs: Any) -> NoReturn:
            refuse(dotted)

    try:
        setattr(cls, "__init__", init)  # noqa: B010
    except (TypeError, AttributeError):
        namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__}
        _replace(cls, Refused(cls.__name__, (), namespace), owner, attr)


def _enter_mode(torch: Any, ops: dict[Any, str], refuse: Refuse) -> None:
    """Enter, for good, a TorchFunctionMode refusing every call whose key is in ops (key -> forbidden name)."""
    push, pop = torch._C._push_on_torch_function_stack, torch._C._pop_torch_function_stack
    forbidden = frozenset(ops)
    verdicts: dict[Any, int] = {}
    running: set[int] = set()

    def verdict(func: Any) -> int:
        key = key_of(func)
        if key in forbidden:
            return _REFUSED
        owners = (func, getattr(func, "__objclass__", None), getattr(getattr(func, "__self__", None), "__objclass__", None))
        return _ALLOWED if key is not func or any(_in_torch(owner) for owner in owners) else _FOREIGN

    def handle(self: Any, func: Any, classes: Any = (), args: Any = (), kwargs: Any = None) -> Any:
        # The fast path is one dict lookup (torch takes the mode off its stack while it runs).
        try:
            seen = verdicts[func]
        except KeyError:
            seen = verdicts[func] = verdict(func)
        except TypeError:
            seen = verdict(func)
        if not seen:  # _ALLOWED
            return func(*args, **(kwargs or {}))
        if seen == _REFUSED:
            refuse(_how(func, ops[key_of(func)]))
        if id(func) in running:  # it dispatched itself again (has_torch_function is true under a mode): run it
            return func(*args, **(kwargs or {}))
        running.add(id(func))
        push(mode)  # judged code's own function (through handle_torch_function): its calls are checked too
        try:
            return func(*args, **(kwargs or {}))
        finally:
            pop()
            running.discard(id(func))

    mode = _mode(torch, handle, refuse)
    push(mode)
    _protect(torch, mode, verdict, refuse)
    _follow_threads(lambda: push(mode), torch._C._len_torch_function_stack, pop)


def _mode(torch: Any, handle: Callable[..., Any], refuse: Refuse) -> Any:
    """The mode: its handler cannot be replaced on its class or on it, nor the mode exited."""

    def locked(self: Any, name: str, *value: Any) -> None:
        refuse(f"a change to the forbidden-API guard ({name})")

    class Locked(type):
        __setattr__ = __delattr__ = locked

    bound: dict[Any, Any] = {}

    class ForbiddenApis(torch.overrides.TorchFunctionMode, metaclass=Locked):
        # A data descriptor (no instance attribute shadows it) giving the handler bound to the mode, as
        # torch requires; a dict's __getitem__ costs no more than binding a method.
        __torch_function__ = property(bound.__getitem__)
        __setattr__ = __delattr__ = locked

        def __exit__(self, *exc: Any) -> None:
            refuse("leaving the forbidden-API guard")

    mode = ForbiddenApis()
    bound[mode] = types.MethodType(handle, mode)
    return mode


def _protect(torch: Any, mode: Any, verdict: Callable[[Any], int], refuse: Refuse) -> None:
    """Refuse the obvious ways of switching the mode off (DisableTorchFunctionSubclass keeps working)."""
    torch_c, overrides = torch._C, torch.overrides
    length, at, pop = torch_c._len_torch_function_stack, torch_c._get_function_stack_at, torch_c._pop_torch_function_stack
    all_disabled, legit = torch_c._TorchFunctionState.ALL_DISABLED, _legit_pop(overrides)

    def guarded_pop() -> Any:
        depth = length()
        if depth and at(depth - 1) is mode and not legit(sys._getframe(1), depth):
            refuse("a pop of the forbidden-API guard off torch's mode stack")
        return pop()

    def refusing(name: str, bad: Callable[..., bool], does: str) -> None:
        original: Any = getattr(torch_c, name, None)

        def guarded(*args: Any) -> Any:
            if bad(*args):
                refuse(f"torch._C.{name}, which {does} the forbidden-API guard")
            return original(*args)

        if original is not None:
            setattr(torch_c, name, guarded)

    torch_c._pop_torch_function_stack = overrides._pop_torch_function_stack = guarded_pop
    refusing("_set_torch_function_state", lambda state: state == all_disabled, "switches off")
    refusing("_set_skip_next_torch_function", bool, "skips")
    refusing("_skip_one_hop_torch_function", lambda func, *rest: verdict(func) != _ALLOWED, "skips")
    refusing("DisableTorchFunction", lambda *args: True, "switches off")
    torch.DisableTorchFunction = torch_c.DisableTorchFunction


def _legit_pop(overrides: Any) -> Callable[[Any, int], bool]:
    """Whether a frame popping the mode is torch's own: to call it, or to slide a device context under it."""
    import contextlib

    pop_mode, handle = overrides._pop_mode.__code__, overrides.handle_torch_function.__code__
    temporarily = overrides._pop_mode_temporarily.__wrapped__.__code__
    enter = contextlib._GeneratorContextManager.__enter__.__code__

    def legit(frame: Any, depth: int) -> bool:
        if frame is None or frame.f_code is not pop_mode or frame.f_back is None:
            return False
        frame = frame.f_back
        if frame.f_code is temporarily:  # handle_torch_function -> contextlib's __enter__ -> this generator
            entered = frame.f_back
            caller = entered.f_back if entered is not None and entered.f_code is enter else None
            return caller is not None and caller.f_code is handle
        if frame.f_globals.get("__name__") == "torch.utils._device" and frame.f_code.co_name in ("__enter__", "__exit__"):
            return frame.f_code.co_name == "__enter__" or depth > 1  # __exit__ puts it back unless it is the last
        return False

    return legit


def _follow_threads(enter: Callable[[], None], length: Callable[[], int], pop: Callable[[], Any]) -> None:
    """Threads judged code starts enter the mode first (torch's mode stack is per thread), and empty
    their stack before they end (a mode left there when the thread is gone aborts the process)."""
    import _thread
    import threading

    start_new_thread = _thread.start_new_thread

    def start(function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any] | None = None) -> int:
        def entered(*a: Any, **k: Any) -> Any:
            enter()
            try:
                return function(*a, **k)
            finally:
                while length():
                    pop()

        return start_new_thread(entered, args, kwargs or {})

    _thread.start_new_thread = _thread.start_new = start
    threading._start_new_thread = start  # type: ignore[attr-defined]
