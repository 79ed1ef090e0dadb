"""`python -m realpolitik.cli` runs the command line."""
from realpolitik.cli import main

main()
