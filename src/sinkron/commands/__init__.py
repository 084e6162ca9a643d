"""Sub-commands besides check and validate, one module each; each defines `register(app)`.

cli.py calls register() of every module listed in COMMANDS, so adding a command touches
one line there.
"""

COMMANDS: tuple[str, ...] = ("rules", "init", "schema", "template", "convert")
