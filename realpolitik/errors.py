"""The one exception hierarchy: every error realpolitik raises on purpose derives from RealpolitikError.

The CLI turns any of them into one `error: ...` line and the exit code of its class (`exit_code`),
in one place (cli/__init__.py `main`); other exceptions are bugs and keep their traceback.
"""
from __future__ import annotations


class RealpolitikError(Exception):
    """Base of realpolitik's errors: the message says where and why."""

    exit_code = 1


class SettingsError(RealpolitikError, ValueError):
    """An unknown setting name or a value of the wrong type."""

    exit_code = 2  # a usage error, like click's


class MissingExtraError(RealpolitikError, ImportError):
    """An optional dependency group (pip extra) is not installed."""

    exit_code = 3

    def __init__(self, feature: str, extra: str, module: str):
        super().__init__(f"{feature} needs the {module!r} package: pip install 'realpolitik[{extra}]'")
        self.extra = extra


def require(module: str, extra: str, feature: str):
    """Import `module`, or raise MissingExtraError naming the pip extra that provides it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(feature, extra, module) from exc
