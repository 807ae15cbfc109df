#!/usr/bin/env python3
"""PyTorch reference of SelfishGen training steps, for `selfish bench speed`.

Reads a manifest written by the benchmark (JSON: method, options, backbone, image shape, batch size, learning rate,
thread count, step counts, and the paths of the initial weights and inputs as raw little-endian float32), builds the
same network with those weights, runs the same training step (forward, loss, backward, Adam step, loss read back to
the host), and prints one JSON object: the loss, wall-clock and CPU seconds of every step, and how far the resident
memory rose over the run (its high-water mark over the resident size before the optimizer was made, on Linux).

The inputs are either image batches ("inputs": "images", shape (batches, batch, C, H, W), used in turn), which the
step transforms itself (RotateNet rotates them), or, for methods that draw random augmented views, the views every
step sees ("inputs": "views", shape (steps, views, batch, C, H, W)), drawn by SelfishGen with the step's generator:
our augmentations are not reimplemented here, so this step does not include drawing the views. A method whose step
draws more than its views (MoCo's shuffle of the keys among batch-norm groups) is given those draws too ("orderFile":
each step's permutations as little-endian int64, one per forward of keys: two with MoCo's symmetric loss). Buffers the step reads (MoCo's queue of keys) follow the parameters
in the weights file ("buffers").

Exit code 3 means the method has no reference here; 4 means torch is missing.
"""
import ctypes
import json
import math
import sys
import time

from functools import partial

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
        out = self.residual(x)
        out += x if self.shortcut is None else self.shortcut(x)
        return F.relu(out, inplace=True)


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


class EfficientNetB0(nn.Module):
    """Same layers and parameter order as SelfishGen.Modules.EfficientNetB0 with batch norm: torchvision's b0 with our
    batch-norm settings (eps 1e-3, momentum 0.01) and drop-connect rate, and neither its pooling nor its classifier.
    torchvision pads every conv by (kernel - 1) / 2, which is our kernel / 2 for the odd kernels of b0."""

    def __init__(self, channels, drop_connect):
        super().__init__()
        from torchvision.models import efficientnet_b0
        norm = partial(nn.BatchNorm2d, eps=1e-3, momentum=0.01)
        self.layers = efficientnet_b0(stochastic_depth_prob=drop_connect, norm_layer=norm).features
        if channels != 3:
            self.layers[0][0] = nn.Conv2d(channels, 32, 3, stride=2, padding=1, bias=False)
        self.features = 1280

    def forward(self, x):
        return self.layers(x).mean(dim=(2, 3))


def mlp_head(inputs, hidden, outputs):
    """Same as SelfishGen.Modules.MlpHead: hidden Linear (no bias) -> BatchNorm1d -> ReLU, then a plain Linear."""
    layers, width = [], inputs
    for size in hidden:
        layers += [nn.Linear(width, size, bias=False), nn.BatchNorm1d(size), nn.ReLU(inplace=True)]
        width = size
    layers.append(nn.Linear(width, outputs))
    return nn.Sequential(*layers)


def projector_widths(features, options):
    """Same as SelfishGen.Modules.HeadWidths.Scaled: the declared widths, scaled by the backbone's features over
    ProjectorScaleWithFeatures when it is set."""
    hidden, out, declared = options["projectorHidden"], options["projectorOut"], options.get("projectorScaleWithFeatures", 0)
    if declared == 0:
        return hidden, out
    def scaled(width):
        return max(1, round(width * features / declared))
    return [scaled(width) for width in hidden], scaled(out)


def projector(features, options):
    """The method's projector on a backbone of `features` outputs."""
    hidden, out = projector_widths(features, options)
    return mlp_head(features, hidden, out)


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
    def __init__(self, backbone, options, manifest):
        super().__init__()
        self.backbone = backbone()
        self.classifier = mlp_head(self.backbone.features, options["hidden"], 4)
        self.smoothing = options["labelSmoothing"]

    def loss(self, views):
        inputs, targets = rotations(views[0])  # the step's one view: our padded crop and flip of its images
        return F.cross_entropy(self.classifier(self.backbone(inputs)), targets, label_smoothing=self.smoothing)


def barlow_twins(first, second, weight, scale):
    """Same as SelfishGen.Objectives.BarlowTwinsLoss: the standardised cross-correlation pulled to the identity, the
    loss multiplied by scale."""
    def standardise(z):
        centred = z - z.mean(dim=0, keepdim=True)
        return centred / (centred.square().mean(dim=0, keepdim=True) + 1e-5).sqrt()

    correlation = standardise(first).t() @ standardise(second) / first.shape[0]
    diagonal = correlation.diagonal()
    return scale * ((1 - diagonal).square().sum() + weight * (correlation.square().sum() - diagonal.square().sum()))


class TwoViews(nn.Module):
    """SimCLR and Barlow Twins: backbone then MLP projector on each view (batch statistics per view), then a loss of
    the two embeddings."""

    def __init__(self, backbone, options, objective):
        super().__init__()
        self.backbone = backbone()
        self.projector = projector(self.backbone.features, options)
        self.objective = objective

    def embed(self, images):
        return self.projector(self.backbone(images))

    def loss(self, views):
        return self.objective(self.embed(views[0]), self.embed(views[1]))


def simclr(backbone, options, manifest):
    return TwoViews(backbone, options, lambda first, second: nt_xent(first, second, options["temperature"]))


def barlowtwins(backbone, options, manifest):
    return TwoViews(backbone, options, lambda first, second: barlow_twins(first, second, options["lambda"], options["lossScale"]))


def negative_cosine(predictions, targets):
    """Same as SelfishGen.Objectives.NegativeCosineLoss: 2 - 2 cos(p, z), averaged over the batch."""
    return (2 - 2 * F.cosine_similarity(predictions, targets.detach(), dim=1)).mean()


def info_nce(queries, keys, negatives, temperature):
    """Same as SelfishGen.Objectives.InfoNceLoss with a shared bank of negatives: the positive logit first."""
    q = F.normalize(queries, dim=1)
    positive = (q * F.normalize(keys, dim=1)).sum(1, keepdim=True)
    negative = q @ F.normalize(negatives, dim=-1).t()
    logits = torch.cat([positive, negative], 1) / temperature
    return F.cross_entropy(logits, torch.zeros(queries.shape[0], dtype=torch.long))


class MomentumTarget(nn.Module):
    """Same as SelfishGen.State.MomentumEncoder: a frozen copy of backbone + projector that follows the online one by
    exponential moving average over parameters and floating-point buffers (other buffers are copied)."""

    def __init__(self, online, target):
        super().__init__()
        self.online = [online]  # a list, so that the online modules are not registered twice
        self.target = target
        for parameter in target.parameters():
            parameter.requires_grad_(False)

    @torch.no_grad()
    def update(self, momentum):
        online = dict(self.online[0].named_parameters())
        online.update(self.online[0].named_buffers())
        pairs = list(self.target.named_parameters()) + list(self.target.named_buffers())
        for name, target in pairs:
            if target.is_floating_point():
                target.mul_(momentum).add_(online[name], alpha=1 - momentum)
            else:
                target.copy_(online[name])

    @torch.no_grad()
    def forward(self, images):
        return self.target(images)


def momentum_at(options, step, total_steps):
    """Same as SelfishGen.State.MomentumSchedule: constant, or cosine from the base momentum to 1 over training."""
    if not options["momentumCosine"]:
        return options["momentum"]
    progress = min(max(step / total_steps, 0.0), 1.0)
    return 1 - (1 - options["momentum"]) * (math.cos(math.pi * progress) + 1) / 2


class Byol(nn.Module):
    """BYOL: online backbone, projector and predictor; a momentum target of backbone and projector; each view's
    prediction regresses onto the target's embedding of the other view."""

    def __init__(self, backbone, options, manifest):
        super().__init__()
        self.backbone = backbone()
        self.projector = projector(self.backbone.features, options)
        out = projector_widths(self.backbone.features, options)[1]
        self.predictor = mlp_head(out, options["predictorHidden"], out)
        target = nn.Sequential(backbone(), projector(self.backbone.features, options))
        self.momentum = MomentumTarget(nn.Sequential(self.backbone, self.projector), target)
        self.options, self.total_steps = options, manifest["totalSteps"]

    def loss(self, views):
        first = self.predictor(self.projector(self.backbone(views[0])))
        second = self.predictor(self.projector(self.backbone(views[1])))
        return negative_cosine(first, self.momentum(views[1])) + negative_cosine(second, self.momentum(views[0]))

    def after_step(self, step):
        self.momentum.update(momentum_at(self.options, step, self.total_steps))


def in_groups(network, images, groups):
    """Same as SelfishGen.Modules.BatchNormGroups.Forward: consecutive groups, each with its own batch statistics."""
    return torch.cat([network(part) for part in images.tensor_split(groups)])


class MoCo(nn.Module):
    """MoCo v2: queries from the online backbone and projector in batch-norm groups; keys from the momentum target,
    forwarded in groups of the step's permutation (shuffle-BN on one device); InfoNCE against the queue, which then
    takes the keys. With the symmetric loss, view 1 also queries view 0's key (the step's second permutation), the
    two losses are averaged and both views' keys queued."""

    def __init__(self, backbone, options, manifest):
        super().__init__()
        self.backbone = backbone()
        self.projector = projector(self.backbone.features, options)
        target = nn.Sequential(backbone(), projector(self.backbone.features, options))
        self.momentum = MomentumTarget(nn.Sequential(self.backbone, self.projector), target)
        # The queue as ours holds it: its declared size, or a smaller one that follows the data (DatasetScaled.Size).
        keys = next((b["shape"][0] for b in manifest.get("buffers", []) if b["name"] == "queue.keys"), options["queue"])
        self.register_buffer("queue", torch.zeros(keys, projector_widths(self.backbone.features, options)[1]))
        self.pointer = 0
        self.options, self.total_steps = options, manifest["totalSteps"]
        self.groups = max(1, min(options["batchNormGroups"], manifest["batchSize"] // 2))

    def embed(self, images):
        return self.projector(self.backbone(images))

    def queries_and_keys(self, query_views, key_views, order):
        queries = in_groups(self.embed, query_views, self.groups)
        if order is None:
            return queries, self.momentum(key_views)
        return queries, in_groups(self.momentum, key_views[order], self.groups)[torch.argsort(order)]

    def loss(self, views, orders=None):
        queries, keys = self.queries_and_keys(views[0], views[1], None if orders is None else orders[0])
        loss = info_nce(queries, keys, self.queue, self.options["temperature"])
        if self.options.get("symmetricLoss"):
            swapped_queries, swapped_keys = self.queries_and_keys(views[1], views[0], None if orders is None else orders[1])
            loss = (loss + info_nce(swapped_queries, swapped_keys, self.queue, self.options["temperature"])) / 2
            keys = torch.cat([keys, swapped_keys])
        self.enqueue(keys)
        return loss

    @torch.no_grad()
    def enqueue(self, keys):
        size, batch = self.queue.shape[0], keys.shape[0]
        kept = min(batch, size)
        start = (self.pointer + batch - kept) % size
        rows = torch.arange(start, start + kept) % size
        self.queue[rows] = F.normalize(keys[batch - kept:], dim=1)
        self.pointer = (self.pointer + batch) % size

    def after_step(self, step):
        self.momentum.update(momentum_at(self.options, step, self.total_steps))

    def exported_buffers(self):
        return {"queue.keys": self.queue}


METHODS = {"rotatenet": RotateNet, "simclr": simclr, "barlowtwins": barlowtwins, "byol": Byol, "moco": MoCo}
BACKBONES = {
    "convnet": lambda channels, manifest: ConvNet(channels),
    "resnet18": lambda channels, manifest: ResNet18(channels),
    "efficientnetb0": lambda channels, manifest: EfficientNetB0(channels, manifest["dropConnect"]),
}


def read_floats(path, count):
    values = np.fromfile(path, dtype="<f4")
    if values.size != count:
        raise ValueError(f"{path} holds {values.size} floats, expected {count}")
    return torch.from_numpy(values)


def load_weights(model, manifest):
    """Copies our parameters, then the buffers the manifest lists, checking every shape."""
    buffers = getattr(model, "exported_buffers", dict)()
    tensors = list(model.parameters()) + [buffers[b["name"]] for b in manifest.get("buffers", [])]
    expected = manifest["parameters"] + manifest.get("buffers", [])
    if len(tensors) != len(expected):
        raise ValueError(f"the reference has {len(tensors)} parameter and buffer tensors, ours {len(expected)}")
    flat = read_floats(manifest["weightsFile"], sum(int(np.prod(p["shape"])) for p in expected))
    offset = 0
    with torch.no_grad():
        for tensor, ours in zip(tensors, expected):
            if list(tensor.shape) != ours["shape"]:
                raise ValueError(f"{ours['name']}: shape {ours['shape']} here {list(tensor.shape)}")
            size = tensor.numel()
            tensor.copy_(flat[offset:offset + size].view(tensor.shape))
            offset += size


def restart_peak_memory():
    """Gives freed memory back to the system, restarts the resident high-water mark; returns the resident bytes, or None."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        with open("/proc/self/clear_refs", "w") as file:
            file.write("5")
        return resident_bytes("VmRSS:")
    except OSError:
        return None


def resident_bytes(field):
    with open("/proc/self/status") as file:
        return next(1024 * int(line.split()[1]) for line in file if line.startswith(field))


def read_orders(manifest):
    """Each step's permutations of the batch (MoCo's key shuffles, one per forward of keys), or None when the step
    draws none."""
    if manifest.get("orderFile") is None:
        return None
    values = np.fromfile(manifest["orderFile"], dtype="<i8")
    return torch.from_numpy(values).view(manifest["steps"], -1, manifest["batchSize"])


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
    orders = read_orders(manifest)

    model = method(lambda: backbone(channels, manifest), manifest["options"], manifest)
    load_weights(model, manifest)
    model.train()
    resident_at_start = restart_peak_memory()
    optimizer = torch.optim.Adam(model.parameters(), lr=manifest["learningRate"])
    after_step = getattr(model, "after_step", lambda step: None)
    losses, seconds, cpu_seconds = [], [], []
    for step in range(steps):
        start, cpu_start = time.perf_counter(), time.process_time()
        optimizer.zero_grad()
        extra = () if orders is None else (orders[step],)
        loss = model.loss(inputs[step % len(inputs)], *extra)
        loss.backward()
        optimizer.step()
        after_step(step)
        losses.append(loss.item())
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "losses": losses,
                      "seconds": seconds, "cpuSeconds": cpu_seconds,
                      "peakMemoryRise": None if resident_at_start is None else resident_bytes("VmHWM:") - resident_at_start}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
