"""One mechanism for named, versioned components (coders, stores, exporters, alert sinks).

Built-ins register with the same decorator third parties use; third-party packages can also
register through the entry-point group ``realpolitik.<kind>`` (e.g. ``realpolitik.coders``).
"""
from __future__ import annotations

import logging
from importlib.metadata import entry_points
from typing import Any, Callable

from realpolitik.errors import RealpolitikError

log = logging.getLogger(__name__)


class RegistryError(RealpolitikError, KeyError):
    """Raised when a name is not registered."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""  # the message, not KeyError's quoted repr


class Registry:
    """A mapping of names such as ``rules.v1`` to factories."""

    def __init__(self, kind: str):
        self.kind = kind
        self._items: dict[str, Callable[..., Any]] = {}
        self._loaded_entry_points = False

    def register(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator registering a factory under ``name``."""
        def deco(factory: Callable[..., Any]) -> Callable[..., Any]:
            self._items[name] = factory
            return factory
        return deco

    def _load_entry_points(self) -> None:
        if self._loaded_entry_points:
            return
        self._loaded_entry_points = True
        for ep in entry_points(group=f"realpolitik.{self.kind}"):
            self._items.setdefault(ep.name, ep.load())

    def get(self, name: str) -> Callable[..., Any]:
        """The factory registered under ``name``; a bare name picks its highest version."""
        self._load_entry_points()
        if name in self._items:
            return self._items[name]
        versions = sorted((n for n in self._items if n.split(".v")[0] == name),
                          key=lambda n: int(n.rsplit(".v", 1)[1]) if ".v" in n else 0)
        if versions:
            return self._items[versions[-1]]
        raise RegistryError(f"no {self.kind} named {name!r}; known: {', '.join(sorted(self._items))}")

    def names(self) -> list[str]:
        """All registered names."""
        self._load_entry_points()
        return sorted(self._items)


coders = Registry("coders")
stores = Registry("stores")
exporters = Registry("exporters")
alert_sinks = Registry("alert_sinks")
