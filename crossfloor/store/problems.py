"""The store's one exception, apart from the store itself, so that a command can name it in an
`except` clause without importing SQLAlchemy before it opens a database."""


class DatabaseProblem(Exception):
    """The database cannot be used; the message is one line for the user."""


class RowsRejected(Exception):
    """The database refused rows for a reason other than another writer storing them first (a
    reference to a row that is gone, a missing value): a defect in what was to be written, for
    one article, not a broken database; the message is one line."""
