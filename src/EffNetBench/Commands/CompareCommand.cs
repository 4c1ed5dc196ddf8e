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
        VerdictOptions verdictOptions = TestOptions(string.Empty);
        var format = new Option<string>("--format", "-f") { Description = "Output format: md (a pull-request comment), csv or json", DefaultValueFactory = _ => "md" };
        var command = new Command("compare", "Compare two runs case by case (Mann-Whitney equivalence tests on every inference); exit 1 when a case is slower, 3 when one is inconclusive")
        {
            baseline, current, format,
        };
        verdictOptions.AddTo(command);
        command.SetAction(parse =>
        {
            CompareOptions options = verdictOptions.Read(parse);
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

            return ExitCodes.ForVerdicts(comparison.Verdicts, parse.GetValue(verdictOptions.AllowInconclusive));
        });
        return command;
    }

    /// <summary>--threshold, --noise, --alpha, --max-busy, --drift and --allow-inconclusive, shared with `history` (and `ab`).</summary>
    internal static VerdictOptions TestOptions(string asIn) => new(
        OptionValues.Create("--threshold", OptionValues.PositivePercent, $"Smallest latency change that counts, in percent, above 0{asIn}", () => 0.05),
        OptionValues.Create("--noise", OptionValues.PositiveDuration, $"Smallest latency change that counts, in time, above 0 (ms by default; us, ns, s accepted){asIn}", () => 0.05),
        OptionValues.Create("--alpha", OptionValues.Number(0, 1, minOpen: true, maxOpen: true, example: "0.01"), $"Significance level of the Mann-Whitney tests, in (0, 1){asIn}", () => 0.01),
        OptionValues.Create("--max-busy", OptionValues.Share, $"Verdict inconclusive when other processes took more than this share of the CPU while a side was measured{asIn}", () => 0.15),
        OptionValues.Create("--drift", OptionValues.Percent, $"Drift two sequentially launched runs may show with no change: a change must be significantly beyond it too{asIn}", () => 0.10),
        new Option<bool>("--allow-inconclusive") { Description = $"Exit 0 rather than 3 when verdicts are inconclusive and none is slower{asIn}" });

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

/// <summary>The verdict options of `compare`, `history` and `ab`.</summary>
internal sealed record VerdictOptions(Option<double> Threshold, Option<double> Noise, Option<double> Alpha, Option<double> MaxBusy,
    Option<double> Drift, Option<bool> AllowInconclusive)
{
    /// <param name="gate">The command's exit code follows the verdicts (compare, ab), so --allow-inconclusive applies.</param>
    public void AddTo(Command command, bool gate = true)
    {
        foreach (Option option in new Option[] { Threshold, Noise, Alpha, MaxBusy, Drift })
        {
            command.Options.Add(option);
        }

        if (gate)
        {
            command.Options.Add(AllowInconclusive);
        }
    }

    /// <exception cref="UsageException">--max-busy is 0.</exception>
    public CompareOptions Read(ParseResult parse)
    {
        double busy = parse.GetValue(MaxBusy);
        if (busy <= 0)
        {
            throw new UsageException("--max-busy must be above 0: every machine runs something");
        }

        return new CompareOptions(parse.GetValue(Threshold), parse.GetValue(Noise), parse.GetValue(Alpha), busy, parse.GetValue(Drift));
    }
}
