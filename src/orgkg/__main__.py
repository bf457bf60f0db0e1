"""`python -m orgkg` runs the command line."""

from orgkg.cli import app

app(prog_name="orgkg")
