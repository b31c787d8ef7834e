"""The store's one exception, apart from the store itself, so that a command can name it in an
`except` clause without importing SQLAlchemy before it opens a database."""


class DatabaseProblem(Exception):
    """The database cannot be used; the message is one line for the user."""
