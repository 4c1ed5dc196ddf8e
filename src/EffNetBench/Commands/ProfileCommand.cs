using System.CommandLine;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Reporting.Profiles;
using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Commands;

/// <summary>`profile RUN...` and `profile diff BASELINE [CURRENT]`: where the time goes, from runs measured with
/// `run --profile`. Thin: the work is in <see cref="ProfileReportGenerator"/>.</summary>
internal static class ProfileCommand
{
    public static Command Create(TextWriter output)
    {
        var runs = new Argument<string[]>("RUN")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Run folders (or their results.json) measured with 'run --profile'",
        };
        var outDir = new Option<string?>("--out", "-o") { Description = $"Folder for {ProfileReportGenerator.MarkdownFileName}, {ProfileReportGenerator.KindsCsvFileName} and the plots (default: the first RUN's folder)" }.OutputFolder();
        var accuracy = new Option<string[]>("--accuracy")
        {
            Description = $"Accuracy sources of the scaling steps' top-1 gains, as in 'report': {string.Join(", ", ReferenceAccuracy.Names)}, {AccuracyTable.None}, a timm results .csv, or a measured eval .json",
        };
        var timmCheckpoint = new Option<string?>("--timm-checkpoint") { Description = "Which checkpoint of a timm results CSV to take each model's accuracy from (as in 'report')" };

        var command = new Command("profile", "Where the time goes: per operator kind and stage against this machine's roofline, and what each bigger variant pays for (runs measured with 'run --profile')")
        {
            runs, outDir, accuracy, timmCheckpoint, Diff(output),
        };
        command.SetAction(parse =>
        {
            string[] inputs = parse.GetValue(runs)!;
            AccuracyTable table = AccuracyTable.Load(parse.GetValue(accuracy), parse.GetValue(timmCheckpoint));
            ProfileDocument doc = ProfileReportGenerator.Build(inputs, table);
            IReadOnlyList<string> paths = ProfileReportGenerator.Write(doc, parse.GetValue(outDir) ?? ReportGenerator.DefaultOutDir(inputs[0]));
            output.Write(ProfileReportGenerator.Summary(doc));
            foreach (string path in paths)
            {
                output.WriteLine($"wrote {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff(TextWriter output)
    {
        var baseline = new Argument<string>("BASELINE") { Description = "The baseline run folder (or an 'ab' run: its baseline arm against its candidate arm)" };
        var current = new Argument<string?>("CURRENT") { Description = "The current run folder (default: BASELINE again, for an 'ab' run)", Arity = ArgumentArity.ZeroOrOne };
        var outDir = new Option<string?>("--out", "-o") { Description = $"Folder for {ProfileReportGenerator.DiffMarkdownFileName} and {ProfileReportGenerator.DiffCsvFileName} (default: CURRENT's folder)" }.OutputFolder();
        var command = new Command("diff", "Per operator kind and per node, the time change between two profiled runs (e.g. two ONNX Runtime releases), largest first, with the noise the traces allow")
        {
            baseline, current, outDir,
        };
        command.SetAction(parse =>
        {
            string before = parse.GetValue(baseline)!;
            string after = parse.GetValue(current) ?? before;
            (var diffs, string markdown, string csv) = ProfileReportGenerator.Diff(before, after);
            string dir = parse.GetValue(outDir) ?? ReportGenerator.DefaultOutDir(after);
            foreach (CaseDiff d in diffs)
            {
                output.WriteLine($"{d.Current.Model} {d.Current.Case.Provider} b{Invariant.Number(d.Current.Case.Batch)} t{Invariant.Threads(d.Current.Case.Threads)}: median {Invariant.Ms(d.Baseline.Profile.CaseMedianMs)} -> {Invariant.Ms(d.Current.Profile.CaseMedianMs)} ms");
                foreach (TimeChange k in d.Kinds.Take(5))
                {
                    output.WriteLine($"  {k.Name}: {Invariant.Number(k.ChangeMs, "+0.000;-0.000;0.000")} ms ({k.Verdict}{(k.NoiseMs is double n ? $", noise {Invariant.Number(n, "0.000")} ms" : string.Empty)})");
                }
            }

            foreach (string path in EffNetBench.Core.Reporting.Rendering.ReportFiles.Write(dir, (ProfileReportGenerator.DiffMarkdownFileName, markdown), (ProfileReportGenerator.DiffCsvFileName, csv)))
            {
                output.WriteLine($"wrote {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
