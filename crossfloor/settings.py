"""The one settings object: defaults, overridden by CROSSFLOOR_* environment variables and flags."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CROSSFLOOR_")

    db: str = "sqlite:///crossfloor.db"
    processes: int = 0  # 0: all cores
    max_mb: float = 20.0
    chunk_size: int = 8
    # 'none' (rules only; `--fast` forces it), 'packaged' (the trained tagger shipped in
    # crossfloor/models) or a model directory. Rules only is the default while the tagger adds
    # spurious quotes on UK news (seeds: 13 spurious against 3; see the model card).
    attribution_model: str = "none"
    # An article whose analysis takes longer than this is skipped with a message (0: no limit).
    article_seconds: float = 120.0

    @property
    def database_url(self) -> str:
        """A bare path is taken as an SQLite file."""
        return self.db if "://" in self.db else f"sqlite:///{self.db}"


def get_settings(**overrides) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
