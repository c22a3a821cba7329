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
