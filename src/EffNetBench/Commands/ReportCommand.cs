using System.CommandLine;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;

namespace EffNetBench.Commands;

/// <summary>`report`: leaderboards from one or many results files. Thin: the work is in <see cref="ReportGenerator"/>.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var results = new Argument<string[]>("RESULTS")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "results.json files or run folders, from one machine or several",
        };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for leaderboard.md/.csv/.json (default: the folder of the first RESULTS)" }.OutputFolder();
        var accuracy = new Option<string[]>("--accuracy")
        {
            Description = $"Accuracy sources, repeatable: {string.Join(", ", ReferenceAccuracy.Names)} (reference tables; paper is the fallback), "
                + $"{AccuracyTable.None} (no reference), a timm results .csv, or a measured eval .json. Measured beats timm CSV beats reference",
        };
        var rankBy = new Option<string>("--rank-by")
        {
            Description = $"Order within each table: {string.Join(", ", RankByNames.All)}",
            DefaultValueFactory = _ => RankByNames.Name(new ReportOptions().RankBy),
        };
        var baseline = new Option<string?>("--baseline-hardware") { Description = "Hardware label or host name the speed-ups are relative to (default: the first run's)" };
        var timmCheckpoint = new Option<string?>("--timm-checkpoint") { Description = "Which checkpoint of a timm results CSV to take each model's accuracy from: a pretrained tag (ra_in1k), a full name or a glob (tf_efficientnet_*.ap_in1k), comma-separated in order of preference (default: the published recipe's ImageNet-1k checkpoint, tf_efficientnet_bX.aa_in1k, tf_efficientnet_liteX.in1k, tf_efficientnetv2_X.in1k)" };

        var command = new Command("report", "Leaderboards of accuracy per compute, latency and memory from results files (Markdown, CSV, JSON)")
        {
            results, outDir, accuracy, rankBy, baseline, timmCheckpoint,
        };
        command.SetAction(parse =>
        {
            string[] inputs = parse.GetValue(results)!;
            string rank = parse.GetValue(rankBy)!;
            if (!RankByNames.TryParse(rank, out RankBy order))
            {
                throw new UsageException($"--rank-by '{rank}' is not an order: use {string.Join(", ", RankByNames.All)}");
            }

            var options = new ReportOptions(parse.GetValue(accuracy), order, parse.GetValue(baseline), parse.GetValue(timmCheckpoint));
            Leaderboard board = ReportGenerator.Build(inputs, options);
            foreach (string input in inputs.Where(ResultsStore.IsIncomplete))
            {
                string dir = Path.GetFullPath(input);
                error.WriteLine($"effnet-bench: warning: '{dir}' is an incomplete run (no {ResultsStore.ResultsFileName}): its finished cases from {ResultsStore.CasesFileName} are reported; finish it with 'effnet-bench run --resume {dir}'");
            }

            IReadOnlyList<string> paths = ReportGenerator.Write(board, parse.GetValue(outDir) ?? ReportGenerator.DefaultOutDir(inputs[0]));
            output.Write(LeaderboardWriter.Markdown(board));
            output.WriteLine();
            foreach (string path in paths)
            {
                output.WriteLine($"wrote {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
