using SelfishGen.Distributed;
using SelfishGen.DistributedHost;

// selfish-mpi-host <scenario> <output folder> [arguments]: run by the tests, alone or under mpirun. Exits with 3 when
// the run stopped on an error every rank shared (its message in rank<r>.stopped); any other error ends every rank
// (from the training loop, or here).
torch.set_num_threads(1);
var (scenario, output) = (args[0], args[1]);
Directory.CreateDirectory(output);
try
{
    switch (scenario)
    {
        case "collectives":
            Collectives.Check(output);
            break;
        case "train":
            EquivalenceRun.Train(output, args[2].Split(','), steps: int.Parse(args[3]), batchSize: int.Parse(args[4]));
            break;
        case "fail-in-step":
            Faults.FailInStep(output, failingRank: int.Parse(args[2]), step: int.Parse(args[3]));
            break;
        case "non-finite":
            Faults.NonFiniteLoss(output, failingRank: int.Parse(args[2]), step: int.Parse(args[3]), skip: bool.Parse(args[4]));
            break;
        case "simclr":
            Faults.SimClr(output, store: args[2], image: int.Parse(args[3]), kill: bool.Parse(args[4]), resume: bool.Parse(args[5]));
            break;
        default:
            throw new ArgumentException($"Unknown scenario '{scenario}'.");
    }
    return 0;
}
catch (Exception error) when (Communicators.StoppedEveryRank(error))
{
    // mpirun may drop a rank's last output when another rank ends first, so the tests read the message from a file.
    var world = Communicators.FromEnvironment();
    File.WriteAllText(Path.Combine(output, $"rank{world.Rank}.stopped"), error.Message);
    Console.Error.WriteLine($"stopped: {error.Message}");
    // Every rank reached here: wait until all have written, as mpirun ends the others once one exits with an error.
    world.Barrier();
    return 3;
}
