using System.CommandLine;
using EffNetBench.Core.Benchmarking.Isolation;

namespace EffNetBench.Commands;

/// <summary>The hidden `worker` verb: `run` starts the tool again with it to probe ONNX Runtime or measure one case in a
/// process of its own (<see cref="CaseWorker"/>); not meant to be typed.</summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter output)
    {
        var request = new Option<string>("--request") { Description = "The worker request (JSON) written by run", Required = true };
        var result = new Option<string>("--result") { Description = "Where to write the reply (JSON)", Required = true };
        var command = new Command("worker", "Internal: measure one case of a run in this process") { request, result };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            // Ctrl-C in a terminal reaches the worker too: like `run`, the first one lets the case finish, a second one ends it.
            int presses = 0;
            ConsoleCancelEventHandler onCancel = (_, e) => e.Cancel = Interlocked.Increment(ref presses) == 1;
            Console.CancelKeyPress += onCancel;
            try
            {
                CaseWorker.Run(parse.GetValue(request)!, parse.GetValue(result)!, output);
                return ExitCodes.Success;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }
}
