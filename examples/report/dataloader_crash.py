#!/usr/bin/env python3
"""A PyTorch training job whose DataLoader worker 2 dies of SIGSEGV: the job that
docs/report.png shows (`ptrc -f --report run.html python3 dataloader_crash.py`).

PyTorch notices the dead worker and raises "DataLoader worker (pid N) is killed by
signal: Segmentation fault", so the job exits 1; the page shows which worker it was, its
crash report and what every process and thread did before.  Needs python3-torch.
"""
import ctypes

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


def start_worker(worker_id):
    if worker_id == 2:
        ctypes.string_at(0)  # a NULL pointer read: SIGSEGV


def main():
    torch.set_num_threads(4)
    data = TensorDataset(torch.randn(2048, 32), torch.randint(0, 4, (2048,)))
    loader = DataLoader(data, batch_size=64, num_workers=4, worker_init_fn=start_worker)
    model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 4))
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for x, y in loader:
        opt.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        opt.step()


if __name__ == "__main__":
    main()
