"""Server configuration: environment variables (prefix ``CASEWORKER_SERVER_``) and an
optional TOML file (``--config`` or ``CASEWORKER_SERVER_CONFIG``). See docs/server.md."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

CONFIG_ENV = "CASEWORKER_SERVER_CONFIG"


def default_database_url() -> str:
    path = Path(user_data_dir("caseworker-server", appauthor=False)) / "caseworker-server.db"
    return f"sqlite:///{path}"


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CASEWORKER_SERVER_", extra="forbid")

    database_url: str = Field(
        default_factory=default_database_url,
        description="postgresql+psycopg://user:pw@host/db, or sqlite:///path (default: a file "
        "in the platform data directory)",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8443, ge=1, le=65535)
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    workers: int = Field(default=1, ge=1, le=64)
    db_pool_size: int = Field(default=10, ge=1, le=200)
    threads: int = Field(
        default=8, ge=1, le=200, description="request threads per process (GIL contention)"
    )
    max_body_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    login_max_failures: int = Field(default=5, ge=1)
    login_window_seconds: int = Field(default=15 * 60, ge=1)
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=64 * 1024, ge=8)
    argon2_parallelism: int = Field(default=4, ge=1)
    log_level: str = "INFO"
    telemetry: bool = Field(
        default=False,
        description="FastAPI's OpenTelemetry spans, metrics and logs (needs configured providers)",
    )
    purge_closed_after_days: int = Field(default=30, ge=0)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if settings_cls.model_config.get("toml_file"):
            sources.append(TomlConfigSettingsSource(settings_cls))
        return tuple(sources)


def load_settings(config_file: Path | None = None, **overrides: Any) -> ServerSettings:
    """Settings from (in order of precedence) ``overrides``, the environment, the TOML file."""
    if config_file is None and os.environ.get(CONFIG_ENV):
        config_file = Path(os.environ[CONFIG_ENV])
    if config_file is None:
        return ServerSettings(**overrides)
    if not config_file.is_file():
        raise FileNotFoundError(f"configuration file not found: {config_file}")

    class _FileSettings(ServerSettings):
        model_config = SettingsConfigDict(
            env_prefix="CASEWORKER_SERVER_", extra="forbid", toml_file=config_file
        )

    return _FileSettings(**overrides)
