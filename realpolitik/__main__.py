"""`python -m realpolitik` runs the command line."""
from realpolitik.cli import main

main()
