"""Imports point one way: no module imports, even lazily, one that imports it back, and the
contracts of import-linter (pyproject.toml) hold."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGES = ("portal", "search", "media")


def _modules(root: Path) -> dict[str, set[str]]:
    """Module name → names it imports (at the top or inside functions), ours only."""
    modules = {}
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
            imported = set()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    imported |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
                elif isinstance(node, ast.Import):
                    imported |= {alias.name for alias in node.names}
            modules[name] = imported
    return {
        name: {other for other in imported if other in modules} - {name} for name, imported in modules.items()
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return [*path[path.index(name) :], name]
        if name in done:
            return None
        for other in sorted(graph[name]):
            found = visit(other, [*path, name])
            if found:
                return found
        done.add(name)
        return None

    for name in sorted(graph):
        found = visit(name, [])
        if found:
            return found
    return None


def test_no_module_imports_one_that_imports_it_back(project_root):
    assert _cycle(_modules(project_root)) is None


def test_the_import_contracts_of_pyproject_are_kept(project_root):
    """The house's layers (core at the bottom, interop imported by nothing, search's engine
    knowing no domain app, usage told by signals): import-linter's contracts in pyproject.toml."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=project_root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
