"""Errors that end a run with exit status 2 and a one-line message."""


class JiaokanError(Exception):
    exit_code = 2


class ConfigError(JiaokanError):
    pass


class UsageError(JiaokanError):
    pass
