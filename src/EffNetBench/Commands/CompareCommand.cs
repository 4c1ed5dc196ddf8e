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
        var threshold = new Option<string>("--threshold") { Description = "Smallest latency change that counts, in percent", DefaultValueFactory = _ => "5%" };
        var noise = new Option<string>("--noise") { Description = "Smallest latency change that counts, in time (ms by default; us, ns, s accepted)", DefaultValueFactory = _ => "0.05ms" };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of the Mann-Whitney tests, in (0, 1)", DefaultValueFactory = _ => 0.01 };
        var format = new Option<string>("--format", "-f") { Description = "Output format: md (a pull-request comment), csv or json", DefaultValueFactory = _ => "md" };
        var command = new Command("compare", "Compare two runs case by case (Mann-Whitney equivalence test on every inference); exit 1 when a case is slower")
        {
            baseline, current, threshold, noise, alpha, format,
        };
        command.SetAction(parse =>
        {
            CompareOptions options = Options(parse.GetValue(threshold)!, parse.GetValue(noise)!, parse.GetValue(alpha));
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

    internal static CompareOptions Options(string threshold, string noise, double alpha)
    {
        if (!CompareOptionText.TryParsePercent(threshold, out double relative))
        {
            throw new UsageException($"--threshold '{threshold}' is not a percentage: use a number >= 0 followed by %, e.g. 5%");
        }

        if (!CompareOptionText.TryParseMilliseconds(noise, out double noiseMs))
        {
            throw new UsageException($"--noise '{noise}' is not a duration: use a number >= 0 with ms, us, ns or s, e.g. 0.05ms");
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw new UsageException($"--alpha {alpha.ToString(CultureInfo.InvariantCulture)} is out of range: use a number between 0 and 1, e.g. 0.01");
        }

        return new CompareOptions(relative, noiseMs, alpha);
    }

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
