using System.CommandLine;
using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;

namespace EffNetBench.Commands;

/// <summary>`history RESULTS...`: each case's median and p99 across releases, in time order (version order when labelled by tool), regressions marked.</summary>
internal static class HistoryCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var results = new Argument<string[]>("RESULTS")
        {
            Description = "Run folders or results.json files, in any order; a folder of run folders stands for all of them",
            Arity = ArgumentArity.OneOrMore,
        };
        var labelBy = new Option<string>("--label-by") { Description = "Name each run by: run-label (its --label, else its id), tool (also orders the runs by version) or onnxruntime", DefaultValueFactory = _ => "run-label" };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for history.md and history.csv", DefaultValueFactory = _ => "." }.OutputFolder();
        VerdictOptions verdictOptions = CompareCommand.TestOptions(" (as in compare)");
        var command = new Command("history", "Trend of every case across runs in time order, or version order with --label-by tool (median, p99, verdict against the previous run)")
        {
            results, labelBy, outDir,
        };
        verdictOptions.AddTo(command, gate: false);
        command.SetAction(parse =>
        {
            HistoryLabel label = ParseLabel(parse.GetValue(labelBy)!);
            CompareOptions options = verdictOptions.Read(parse);
            IReadOnlyList<string> paths = RunInputs.Expand(parse.GetValue(results)!);
            History history = HistoryBuilder.Build(paths.Select(path => ResultsStore.Load(path)), label, options);
            output.Write(HistoryReport.Markdown(history));

            // Stdout stays pure Markdown for piping; where the files went is progress information.
            string dir = parse.GetValue(outDir)!;
            foreach (string file in HistoryReport.WriteFiles(history, dir).Concat(HistoryReport.Plot(history, Path.GetFullPath(dir))))
            {
                error.WriteLine($"wrote {file}");
            }

            // A trend report, not a gate: it exits 0 whatever the verdicts, as before (its verdicts use compare's vocabulary).
            return ExitCodes.Success;
        });
        return command;
    }

    private static HistoryLabel ParseLabel(string value) => value.ToLowerInvariant() switch
    {
        "run-label" or "label" => HistoryLabel.RunLabel,
        "tool" => HistoryLabel.Tool,
        "onnxruntime" or "ort" => HistoryLabel.OnnxRuntime,
        _ => throw new UsageException($"--label-by '{value}' is not a label: use run-label, tool or onnxruntime"),
    };
}
