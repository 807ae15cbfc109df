"""Checks SelfishGen's exported backbone weights against torchvision, and writes torchvision weights to import.

Usage: torchvision_check.py FOLDER CASE, where CASE is resnet18, efficientnet_b0 or efficientnet_b0_layer.
Reads FOLDER/ours.pt (our export) and FOLDER/ours-probe.pt ({"input", "output"}: our backbone in eval mode);
loads ours.pt with strict=True into the torchvision model and checks that it gives our output.
Writes FOLDER/torchvision.pt (a randomly initialised torchvision model's state dict, running statistics and
affine parameters perturbed) and FOLDER/torchvision-probe.pt (its input and output) for the import check.
Exits with 1 and a message on the first mismatch.
"""
import sys

import torch
import torchvision
from torch import nn


def resnet18(channels, layer_norm):
    model = torchvision.models.resnet18()
    model.conv1 = nn.Conv2d(channels, 64, kernel_size=3, stride=1, padding=1, bias=False)  # CIFAR stem
    model.maxpool = nn.Identity()
    model.fc = nn.Identity()
    return model


def efficientnet_b0(channels, layer_norm):
    norm = (lambda width: nn.GroupNorm(1, width)) if layer_norm else None
    model = torchvision.models.efficientnet_b0(**({"norm_layer": norm} if norm else {}))
    if channels != 3:
        model.features[0][0] = nn.Conv2d(channels, 32, kernel_size=3, stride=2, padding=1, bias=False)
    model.classifier = nn.Identity()
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.eps = 1e-3  # SelfishGen's EfficientNet-B0 uses EfficientNet's 1e-3; torchvision's b0 has 1e-5
    return model


CASES = {
    "resnet18": (resnet18, False),
    "efficientnet_b0": (efficientnet_b0, False),
    "efficientnet_b0_layer": (efficientnet_b0, True),
}


def check_close(what, ours, theirs):
    scale = theirs.abs().max().item()
    difference = (ours - theirs).abs().max().item()
    if not difference <= 1e-4 * max(scale, 1e-3):
        sys.exit(f"{what}: outputs differ by {difference:.3g} (largest output {scale:.3g})")
    print(f"{what}: outputs agree to {difference:.3g} (largest output {scale:.3g})")


def perturb(model):
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (nn.BatchNorm2d, nn.GroupNorm)):
                module.weight.uniform_(0.5, 1.5)
                module.bias.normal_(0, 0.1)
            if isinstance(module, nn.BatchNorm2d):
                module.running_mean.normal_(0, 0.1)
                module.running_var.uniform_(0.5, 1.5)


def main(folder, case):
    build, layer_norm = CASES[case]
    probe = torch.load(f"{folder}/ours-probe.pt", weights_only=True)
    channels = probe["input"].shape[1]

    model = build(channels, layer_norm).eval()
    state = torch.load(f"{folder}/ours.pt", weights_only=True)
    model.load_state_dict(state, strict=True)
    with torch.no_grad():
        check_close(f"{case}: our export in torchvision", probe["output"], model(probe["input"]))

    torch.manual_seed(1)
    theirs = build(channels, layer_norm).eval()
    perturb(theirs)
    images = torch.randn(probe["input"].shape)
    with torch.no_grad():
        output = theirs(images)
    torch.save(theirs.state_dict(), f"{folder}/torchvision.pt")
    torch.save({"input": images, "output": output}, f"{folder}/torchvision-probe.pt")
    print(f"{case}: wrote torchvision weights, {len(theirs.state_dict())} tensors, torch {torch.__version__}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
