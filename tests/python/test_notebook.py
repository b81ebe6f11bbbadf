"""The example notebook runs top to bottom, so it can never rot."""

import os

import nbclient
import nbformat

from conftest import REPO


def test_notebook_runs_top_to_bottom():
    path = os.path.join(REPO, "examples", "champions.ipynb")
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "the notebook is stored without outputs"
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": os.path.dirname(path)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) >= 3, "the notebook's plots came out"
