#!/usr/bin/env python3
"""PyTorch reference of SelfishGen training steps, for `selfish bench speed`.

Reads a manifest written by the benchmark (JSON: method, options, backbone, image shape, batch size, learning rate,
thread count, step counts, and the paths of the initial weights and inputs as raw little-endian float32), builds the
same network with those weights, runs the same training step (forward, loss, backward, Adam step, loss read back to
the host), and prints one JSON object: the loss of every step and the wall-clock seconds of every step.

The inputs are either image batches ("inputs": "images", shape (batches, batch, C, H, W), used in turn), which the
step transforms itself (RotateNet rotates them), or, for methods that draw random augmented views, the views every
step sees ("inputs": "views", shape (steps, views, batch, C, H, W)), drawn by SelfishGen with the step's generator:
our augmentations are not reimplemented here, so this step does not include drawing the views.

Exit code 3 means the method has no reference here; 4 means torch is missing.
"""
import json
import sys
import time

try:
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as error:
    print(json.dumps({"error": f"{error}: install with apt-get install -y python3-torch libopenblas0"}))
    sys.exit(4)


def conv_bn_relu(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class ConvNet(nn.Module):
    """Same layers and parameter order as SelfishGen.Modules.ConvNet."""

    def __init__(self, channels, width=32):
        super().__init__()
        self.layers = nn.Sequential(
            conv_bn_relu(channels, width), nn.MaxPool2d(2),
            conv_bn_relu(width, 2 * width), nn.MaxPool2d(2),
            conv_bn_relu(2 * width, 4 * width),
            conv_bn_relu(4 * width, 4 * width))
        self.features = 4 * width

    def forward(self, x):
        return self.layers(x).mean(dim=(2, 3))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.residual = nn.Sequential(
            nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout))
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return F.relu(self.residual(x) + (x if self.shortcut is None else self.shortcut(x)))


class ResNet18(nn.Module):
    """Same layers and parameter order as SelfishGen.Modules.ResNet18 (CIFAR stem)."""

    def __init__(self, channels):
        super().__init__()
        self.stem = conv_bn_relu(channels, 64)
        self.stages = nn.Sequential(
            BasicBlock(64, 64, 1), BasicBlock(64, 64, 1), BasicBlock(64, 128, 2), BasicBlock(128, 128, 1),
            BasicBlock(128, 256, 2), BasicBlock(256, 256, 1), BasicBlock(256, 512, 2), BasicBlock(512, 512, 1))
        self.features = 512

    def forward(self, x):
        return self.stages(self.stem(x)).mean(dim=(2, 3))


def mlp_head(inputs, hidden, outputs):
    """Same as SelfishGen.Modules.MlpHead: hidden Linear (no bias) -> BatchNorm1d -> ReLU, then a plain Linear."""
    layers, width = [], inputs
    for size in hidden:
        layers += [nn.Linear(width, size, bias=False), nn.BatchNorm1d(size), nn.ReLU(inplace=True)]
        width = size
    layers.append(nn.Linear(width, outputs))
    return nn.Sequential(*layers)


def rotations(images):
    """Same as SelfishGen.Pretext.RotationPretext: rotation-major 0/90/180/270 degrees, targets 0..3."""
    rotated = torch.cat([torch.rot90(images, k, (2, 3)) for k in range(4)])
    return rotated, torch.arange(4).repeat_interleave(images.shape[0])


def nt_xent(first, second, temperature):
    """Same as SelfishGen.Objectives.NtXentLoss: each of the 2N normalised embeddings picks its partner view."""
    pairs = first.shape[0]
    z = F.normalize(torch.cat([first, second]), dim=1)
    self_pairs = torch.eye(2 * pairs, dtype=torch.bool)
    logits = (z @ z.t() / temperature).masked_fill(self_pairs, float("-inf"))
    return F.cross_entropy(logits, (torch.arange(2 * pairs) + pairs) % (2 * pairs))


class RotateNet(nn.Module):
    def __init__(self, backbone, options):
        super().__init__()
        self.backbone = backbone
        self.classifier = mlp_head(backbone.features, options["hidden"], 4)
        self.smoothing = options["labelSmoothing"]

    def loss(self, images):
        inputs, targets = rotations(images)
        return F.cross_entropy(self.classifier(self.backbone(inputs)), targets, label_smoothing=self.smoothing)


def barlow_twins(first, second, weight):
    """Same as SelfishGen.Objectives.BarlowTwinsLoss: the standardised cross-correlation pulled to the identity."""
    def standardise(z):
        centred = z - z.mean(dim=0, keepdim=True)
        return centred / (centred.square().mean(dim=0, keepdim=True) + 1e-5).sqrt()

    correlation = standardise(first).t() @ standardise(second) / first.shape[0]
    diagonal = correlation.diagonal()
    return (1 - diagonal).square().sum() + weight * (correlation.square().sum() - diagonal.square().sum())


class TwoViews(nn.Module):
    """SimCLR and Barlow Twins: backbone then MLP projector on each view (batch statistics per view), then a loss of
    the two embeddings."""

    def __init__(self, backbone, options, objective):
        super().__init__()
        self.backbone = backbone
        self.projector = mlp_head(backbone.features, options["projectorHidden"], options["projectorOut"])
        self.objective = objective

    def embed(self, images):
        return self.projector(self.backbone(images))

    def loss(self, views):
        return self.objective(self.embed(views[0]), self.embed(views[1]))


def simclr(backbone, options):
    return TwoViews(backbone, options, lambda first, second: nt_xent(first, second, options["temperature"]))


def barlowtwins(backbone, options):
    return TwoViews(backbone, options, lambda first, second: barlow_twins(first, second, options["lambda"]))


METHODS = {"rotatenet": RotateNet, "simclr": simclr, "barlowtwins": barlowtwins}
BACKBONES = {"convnet": ConvNet, "resnet18": ResNet18}


def read_floats(path, count):
    values = np.fromfile(path, dtype="<f4")
    if values.size != count:
        raise ValueError(f"{path} holds {values.size} floats, expected {count}")
    return torch.from_numpy(values)


def load_weights(model, manifest):
    parameters = list(model.parameters())
    expected = manifest["parameters"]
    if len(parameters) != len(expected):
        raise ValueError(f"the reference has {len(parameters)} parameter tensors, ours {len(expected)}")
    flat = read_floats(manifest["weightsFile"], sum(int(np.prod(p["shape"])) for p in expected))
    offset = 0
    with torch.no_grad():
        for parameter, ours in zip(parameters, expected):
            if list(parameter.shape) != ours["shape"]:
                raise ValueError(f"{ours['name']}: shape {ours['shape']} here {list(parameter.shape)}")
            size = parameter.numel()
            parameter.copy_(flat[offset:offset + size].view(parameter.shape))
            offset += size


def main(path):
    with open(path) as file:
        manifest = json.load(file)
    method = METHODS.get(manifest["method"].lower())
    backbone = BACKBONES.get(manifest["backbone"].lower())
    if method is None or backbone is None:
        print(json.dumps({"error": f"no reference for {manifest['method']} on {manifest['backbone']}"}))
        return 3
    torch.set_num_threads(manifest["threads"])
    channels, height, width = manifest["shape"]
    batch, steps = manifest["batchSize"], manifest["steps"]
    if manifest["inputs"] == "views":
        layout = (steps, manifest["views"], batch, channels, height, width)
    else:
        layout = (manifest["batches"], batch, channels, height, width)
    inputs = read_floats(manifest["inputFile"], int(np.prod(layout))).view(layout)

    model = method(backbone(channels), manifest["options"])
    load_weights(model, manifest)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=manifest["learningRate"])
    losses, seconds = [], []
    for step in range(steps):
        start = time.perf_counter()
        optimizer.zero_grad()
        loss = model.loss(inputs[step % len(inputs)])
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "losses": losses, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
