"""crossfloor: who said what, and who switched sides, in political news."""

__version__ = "0.1.0"
