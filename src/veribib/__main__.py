"""`python -m veribib` runs the command-line interface."""

from veribib.cli import main

main()
