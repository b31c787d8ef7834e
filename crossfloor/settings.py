"""The one settings object: defaults, overridden by CROSSFLOOR_* environment variables and flags."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CROSSFLOOR_")

    db: str = "sqlite:///crossfloor.db"
    processes: int = 0  # 0: all cores
    max_mb: float = 20.0
    chunk_size: int = 8
    # 'packaged' (the rules plus the trained tagger shipped in crossfloor/models), a model
    # directory, or 'none' (rules only; `--fast` forces it). The tagger finds indirect speech the
    # rules miss and only adds what passes the checks in analyse/combine.py.
    attribution_model: str = "packaged"
    # An article whose analysis takes longer than this is skipped with a message (0: no limit).
    article_seconds: float = 120.0

    @property
    def database_url(self) -> str:
        """A bare path is taken as an SQLite file."""
        return self.db if "://" in self.db else f"sqlite:///{self.db}"


def get_settings(**overrides) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
