"""The shape of the code: Telegram stays at the edge, and features keep to their own."""

import ast
from pathlib import Path

import bot

ROOT = Path(bot.__file__).parent
EDGE = {"handlers.py", "app.py", "__main__.py", "__init__.py"}
KERNEL_EDGE = {"handlers.py", "context.py", "sender.py", "http.py", "intake.py", "feature.py"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_edge_imports_telegram() -> None:
    offenders = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if path.name in EDGE or (relative.parts[0] == "kernel" and path.name in KERNEL_EDGE):
            continue
        if any(name == "telegram" or name.startswith("telegram.") for name in _imports(path)):
            offenders.append(str(relative))
    assert offenders == []


def test_a_feature_uses_another_only_through_its_package_face() -> None:
    features = ROOT / "features"
    offenders = []
    for path in features.rglob("*.py"):
        relative = path.relative_to(features)
        own = relative.parts[0] if len(relative.parts) > 1 else None
        for name in _imports(path):
            parts = name.split(".")
            if parts[:2] != ["bot", "features"] or len(parts) < 4:
                continue
            if parts[2] != own:
                offenders.append(f"{relative}: {name}")
    assert offenders == []


def _module_name(path: Path) -> str:
    parts = ("bot", *path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(path: Path, modules: set[str]) -> set[str]:
    """The bot modules a module imports when it runs (not those only for type checking)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(), str(path))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(child) for child in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if name in modules else node.module)
    return found & modules


def test_no_import_cycles() -> None:
    paths = {_module_name(path): path for path in ROOT.rglob("*.py")}
    graph = {name: _runtime_imports(path, set(paths)) - {name} for name, path in paths.items()}
    # The registry imports every feature; a feature using another's face imports that
    # package, not the registry, so the registry is left out of the walk.
    graph.pop("bot.features", None)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def walk(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(graph.get(name, ())):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt, [*path, nxt])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name, [name])
    assert cycles == []


PLAYGROUND = ROOT / "playground"


def test_the_embedded_bot_api_server_stands_alone() -> None:
    """It fakes Telegram, for the tests and the playground: it knows nothing of Mend."""
    names = _imports(PLAYGROUND / "telegram_server.py")
    assert [name for name in names if name == "bot" or name.startswith("bot.")] == []


def test_mend_does_not_depend_on_the_playground() -> None:
    """The playground drives Mend from outside, as Telegram does; only the command line
    (``python -m bot playground``) reaches into it."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] == "playground" or path.name == "__main__.py":
            continue
        if any(name.startswith("bot.playground") for name in _imports(path)):
            offenders.append(str(relative))
    assert offenders == []
