"""Where coding runs: in this process (realpolitik.pipeline) or on Dask workers (dask.py)."""
