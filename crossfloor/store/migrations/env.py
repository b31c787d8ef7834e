"""Alembic environment: migrations run on the connection crossfloor's Database hands over."""

from alembic import context

from crossfloor.store.schema import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, *_alembic_args) -> bool:
    """The full-text index is made by hand (FTS5 / tsvector), not from the models. (Alembic also
    passes whether the object was reflected and what it is compared to.)"""
    return not (type_ == "table" and name.startswith("search_index"))


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        connection = create_engine(config.get_main_option("sqlalchemy.url")).connect()
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True, compare_type=True, include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
