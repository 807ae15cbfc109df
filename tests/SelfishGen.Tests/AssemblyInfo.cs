// Tests share process-wide state: TorchSharp's global random generator (seeded before a model is built) and the
// process's resident memory (watched by the memory test). Run them one at a time; tensor ops use both cores anyway.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
