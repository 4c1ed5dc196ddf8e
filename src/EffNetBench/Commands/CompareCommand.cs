using System.CommandLine;
using EffNetBench.Core.Regression;
using EffNetBench.Core.Results;
using CultureInfo = System.Globalization.CultureInfo;

namespace EffNetBench.Commands;

/// <summary>`compare BASELINE CURRENT`: per-case verdicts for a release pipeline; exit 1 when anything is slower.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var baseline = new Argument<string>("BASELINE") { Description = "The reference run: its folder or results.json" };
        var current = new Argument<string>("CURRENT") { Description = "The run to judge: its folder or results.json" };
        (Option<double> threshold, Option<double> noise, Option<double> alpha) = TestOptions(string.Empty);
        var format = new Option<string>("--format", "-f") { Description = "Output format: md (a pull-request comment), csv or json", DefaultValueFactory = _ => "md" };
        var command = new Command("compare", "Compare two runs case by case (Mann-Whitney equivalence test on every inference); exit 1 when a case is slower")
        {
            baseline, current, threshold, noise, alpha, format,
        };
        command.SetAction(parse =>
        {
            var options = new CompareOptions(parse.GetValue(threshold), parse.GetValue(noise), parse.GetValue(alpha));
            Func<Comparison, string> render = Renderer(parse.GetValue(format)!, out bool warningsInReport);
            BenchmarkResults before = ResultsStore.Load(parse.GetValue(baseline)!);
            BenchmarkResults after = ResultsStore.Load(parse.GetValue(current)!);
            Comparison comparison = RegressionComparer.Compare(before, after, options);
            if (comparison.Cases.IsEmpty)
            {
                throw new UsageException(NothingInCommon(before, after));
            }

            output.Write(render(comparison));
            if (!warningsInReport)
            {
                // CSV has no place for them, and a pipeline reading stdout must still see them.
                foreach (string warning in comparison.Warnings)
                {
                    error.WriteLine($"effnet-bench: warning: {warning}");
                }
            }

            return comparison.AnySlower ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>--threshold, --noise and --alpha, shared with `history`.</summary>
    internal static (Option<double> Threshold, Option<double> Noise, Option<double> Alpha) TestOptions(string asIn) => (
        OptionValues.Create("--threshold", OptionValues.Percent, $"Smallest latency change that counts, in percent{asIn}", () => 0.05),
        OptionValues.Create("--noise", OptionValues.Duration, $"Smallest latency change that counts, in time (ms by default; us, ns, s accepted){asIn}", () => 0.05),
        OptionValues.Create("--alpha", OptionValues.Number(0, 1, minOpen: true, maxOpen: true, example: "0.01"), $"Significance level of the Mann-Whitney tests, in (0, 1){asIn}", () => 0.01));

    private static Func<Comparison, string> Renderer(string format, out bool warningsInReport)
    {
        warningsInReport = true;
        switch (format.ToLowerInvariant())
        {
            case "md" or "markdown":
                return ComparisonReport.Markdown;
            case "json":
                return ComparisonReport.Json;
            case "csv":
                warningsInReport = false;
                return ComparisonReport.Csv;
            default:
                throw new UsageException($"--format '{format}' is not a format: use md, csv or json");
        }
    }

    private static string NothingInCommon(BenchmarkResults before, BenchmarkResults after) =>
        string.Create(CultureInfo.InvariantCulture,
            $"the runs have no case in common (baseline {before.Run.Id}: {Sample(before)}; current {after.Run.Id}: {Sample(after)}): compare runs of the same models, resolutions, providers, batches and threads");

    private static string Sample(BenchmarkResults results) => results.Cases.Length switch
    {
        0 => "no cases",
        1 => CaseKey.From(results.Cases[0]).Id,
        int n => string.Create(CultureInfo.InvariantCulture, $"{n} cases such as {CaseKey.From(results.Cases[0]).Id}"),
    };
}
