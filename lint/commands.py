"""Extra subcommands contributed by plugins through the `jiaokan_commands` hook."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable  # (argparse parser) -> None
    run: Callable  # (argparse namespace) -> exit status
