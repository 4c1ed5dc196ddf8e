using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Evaluation.Leakage;
using EffNetBench.Core.Evaluation.Metrics;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Reporting.Plots;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Results;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Evaluation;

/// <summary>Writes eval.json, eval.md, per_class.csv, confusion.csv and confusion.png/.svg for one <see cref="EvaluationResult"/>.</summary>
public static class EvaluationReportWriter
{
    public const string JsonFileName = "eval.json";
    public const string MarkdownFileName = "eval.md";
    public const string PerClassFileName = "per_class.csv";
    public const string ConfusionFileName = "confusion.csv";
    public const string ConfusionPlotStem = "confusion";

    public const string LeakageWarningCode = "data_leakage";

    public const string SyntheticWarning = "synthetic weights: accuracy is meaningless (a generated zoo model classifies at chance level)";

    /// <returns>The paths written, in a fixed order.</returns>
    public static ImmutableArray<string> Write(EvaluationResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ImmutableArray<string> files = ReportFiles.Write(directory,
            (JsonFileName, Json(result)), (MarkdownFileName, Markdown(result)),
            (PerClassFileName, PerClassCsv(result.Report)), (ConfusionFileName, ConfusionCsv(result.Report)));
        ImmutableArray<string> leakage = result.Leakage is null ? [] : LeakageReportWriter.Write(result.Leakage, directory);
        IReadOnlyList<string> plots = ConfusionPlot.Write(result.Report.Classes, result.Report.ConfusionMatrix.Select(row => (IReadOnlyList<long>)row).ToArray(), directory, ConfusionPlotStem);
        return [.. files, .. plots, .. leakage];
    }

    /// <summary>
    /// After <see cref="Write"/> of the same evaluation without a leakage check: rewrites the two files that report it
    /// (eval.json, eval.md) and writes leakage.json and leakage.csv; the metrics' tables and plots are left as written.
    /// </summary>
    /// <returns>The leakage files' paths.</returns>
    public static ImmutableArray<string> AddLeakage(EvaluationResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        LeakageReport leakage = result.Leakage ?? throw new ArgumentException("the result carries no leakage report", nameof(result));
        ReportFiles.Write(directory, (JsonFileName, Json(result)), (MarkdownFileName, Markdown(result)));
        return LeakageReportWriter.Write(leakage, directory);
    }

    public static string Json(EvaluationResult result) => Tabular.ToJson(Document(result));

    /// <summary>The eval.json document of <paramref name="result"/>.</summary>
    public static EvaluationDocument Document(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ClassificationReport r = result.Report;
        EvaluationRequest q = result.Request;
        Preprocessing p = result.Preprocessing;
        return new EvaluationDocument
        {
            Model = q.ModelName,
            ModelPath = q.ModelPath,
            SyntheticWeights = q.SyntheticWeights,
            Resolution = p.Resolution,
            Dataset = q.Dataset.Root,
            DatasetLayout = q.Dataset.Layout,
            DatasetImages = q.Dataset.Images.Length,
            Images = r.Images,
            Skipped = [.. result.Skipped.Select(s => new EvaluationDocument.SkippedDocument(s.Path, s.Reason))],
            Top1 = r.Top1.Value,
            Top1Ci95 = [r.Top1.WilsonLow95, r.Top1.WilsonHigh95],
            Top5 = r.Top5?.Value,
            Top5Ci95 = r.Top5 is null ? null : [r.Top5.WilsonLow95, r.Top5.WilsonHigh95],
            BalancedAccuracy = r.BalancedAccuracy,
            Ece = r.ExpectedCalibrationError,
            OutputsWereProbabilities = r.OutputsWereProbabilities,
            Macro = new(r.Macro.Precision, r.Macro.Recall, r.Macro.F1),
            Weighted = new(r.Weighted.Precision, r.Weighted.Recall, r.Weighted.F1),
            PerClass = [.. r.PerClass.Select(c => new EvaluationDocument.ClassDocument(c.Class, c.Precision, c.Recall, c.F1, c.Support, c.Predicted))],
            Classes = r.Classes,
            ConfusionMatrix = [.. r.ConfusionMatrix.Select(row => (IReadOnlyList<long>)row)],
            MostConfused = [.. r.MostConfused.Select(m => new EvaluationDocument.ConfusedDocument(m.TrueClass, m.PredictedClass, m.Count))],
            Warnings = [.. Warnings(result)],
            Provider = Providers.ExecutionProviders.Name(q.Provider),
            Threads = q.Threads,
            Batch = result.Batch,
            FixedBatch = result.FixedBatch,
            Preprocessing = new(p.Resolution, p.ResizeSize, p.CropPct, Lower(p.Interpolation), p.Mean, p.Std, p.Scale, Lower(p.Channels), Lower(p.Layout)),
            ElapsedSeconds = result.Elapsed.TotalSeconds,
            ImagesPerSecond = result.ImagesPerSecond,
            Pipeline = Pipeline(result.Timings),
            OnnxRuntime = result.OnnxRuntime,
            OnnxRuntimeLibrary = result.OnnxRuntimeLibrary,
            OnnxRuntimePackage = result.OnnxRuntimePackage,
            Leakage = result.Leakage is not LeakageReport l ? null : new(
                l.TrainRoot, l.TrainImages, l.TestImages, l.LeakedTestImages, l.LeakedFraction, l.ExactTestImages,
                l.NearOnlyTestImages, l.LabelConflicts, l.Threshold, LeakageReportWriter.JsonFileName),
            Precision = result.Precision,
            GraphOptimization = q.ProviderSettings.GraphOptimization,
            Precisions = result.Precisions is { } pr ? Precisions.PrecisionReportWriter.Documents(pr) : null,
            PrecisionComparisons = result.Precisions is { Comparisons.IsEmpty: false } pc ? Precisions.PrecisionReportWriter.ComparisonDocuments(pc) : null,
        };
    }

    /// <summary>The timings as eval.json shows them: seconds, with the share of the run the inference thread waited for input.</summary>
    public static EvaluationDocument.PipelineDocument Pipeline(PipelineTimings t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Workers, t.DecodeSeconds, t.PreprocessSeconds, t.InferenceSeconds, t.InferenceWaitSeconds, t.PeakRssBytes);
    }

    /// <summary>One line for people: per-image costs of each stage and whether the model or the input pipeline set the pace.</summary>
    public static string PipelineSummary(PipelineTimings t, int images, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(t);
        double n = Math.Max(images, 1);
        double waitShare = t.InferenceWaitSeconds / Math.Max(elapsed.TotalSeconds, 1e-9);
        string pace = waitShare < 0.1 ? "inference-bound" : waitShare > 0.5 ? "input-bound" : "partly input-bound";
        string peak = t.PeakRssBytes is long b ? $", peak RSS {Mib(b)} MiB" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"decode {t.DecodeSeconds * 1000 / n:0.00} ms + preprocess {t.PreprocessSeconds * 1000 / n:0.00} ms CPU per image on {t.Workers} workers; inference {t.InferenceSeconds * 1000 / n:0.00} ms per image; the inference thread waited for input {waitShare:0%} of the run ({pace}){peak}");
    }

    /// <summary>Metric warnings as text, after the synthetic-weights and skipped-images notes.</summary>
    public static IEnumerable<string> Warnings(EvaluationResult result)
    {
        if (result.Request.SyntheticWeights)
        {
            yield return SyntheticWarning;
        }

        if (!result.Skipped.IsEmpty)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{result.Skipped.Length} image(s) could not be decoded and were skipped");
        }

        if (result.Leakage is LeakageReport leak && leak.LeakedTestImages > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{LeakageWarningCode}: {leak.LeakedTestImages} of {leak.TestImages} evaluated images ({leak.LeakedFraction:0.0%}) also appear in the training set {leak.TrainRoot} ({leak.ExactTestImages} exact, {leak.NearOnlyTestImages} near duplicates{(leak.LabelConflicts > 0 ? $", {leak.LabelConflicts} with another label there" : string.Empty)}): every metric here is inflated; the pairs are in {LeakageReportWriter.CsvFileName}");
        }

        foreach (MetricWarning w in result.Report.Warnings)
        {
            yield return $"{w.Code}: {w.Message}";
        }
    }

    public static string Markdown(EvaluationResult result)
    {
        ClassificationReport r = result.Report;
        var md = new StringBuilder();
        void Line(string text) => md.Append(text).Append('\n');
        Line($"# Evaluation of {result.Request.ModelName}{(result.Precision is string precision ? " (" + precision + ")" : string.Empty)}");
        Line(string.Empty);
        if (result.Request.SyntheticWeights)
        {
            Line($"> **{SyntheticWarning}.**");
            Line(string.Empty);
        }

        Line($"- Dataset: `{result.Request.Dataset.Root}` ({result.Request.Dataset.Layout}, {N(result.Request.Dataset.Classes.Length)} classes)");
        Line($"- Images: {N(r.Images)} evaluated, {N(result.Skipped.Length)} skipped");
        Line($"- Top-1: {Pct(r.Top1.Value)} (95 % CI {Pct(r.Top1.WilsonLow95)} – {Pct(r.Top1.WilsonHigh95)})");
        Line(r.Top5 is null ? "- Top-5: n/a (5 classes or fewer)" : $"- Top-5: {Pct(r.Top5.Value)} (95 % CI {Pct(r.Top5.WilsonLow95)} – {Pct(r.Top5.WilsonHigh95)})");
        Line($"- Balanced accuracy: {Pct(r.BalancedAccuracy)}");
        Line($"- Macro precision / recall / F1: {F(r.Macro.Precision)} / {F(r.Macro.Recall)} / {F(r.Macro.F1)}");
        Line($"- Weighted precision / recall / F1: {F(r.Weighted.Precision)} / {F(r.Weighted.Recall)} / {F(r.Weighted.F1)}");
        Line($"- Expected calibration error: {(r.ExpectedCalibrationError is double e ? F(e) : "n/a")}");
        Line($"- Provider: {Providers.ExecutionProviders.Name(result.Request.Provider)}, batch {N(result.Batch)}{(result.FixedBatch ? " (fixed by the model)" : string.Empty)}, {Number(result.ImagesPerSecond, "0.#")} images/s");
        Line($"- Pipeline: {PipelineSummary(result.Timings, r.Images, result.Elapsed)}");
        if (result.Leakage is LeakageReport lk)
        {
            Line(string.Create(CultureInfo.InvariantCulture,
                $"- Leakage check against `{lk.TrainRoot}` ({N(lk.TrainImages)} training images, pHash distance <= {lk.Threshold}): {N(lk.LeakedTestImages)} of {N(lk.TestImages)} evaluated images ({lk.LeakedFraction:0.0%}) also appear in training ({N(lk.ExactTestImages)} exact, {N(lk.NearOnlyTestImages)} near); pairs in {LeakageReportWriter.CsvFileName}"));
        }

        Preprocessing p = result.Preprocessing;
        Line(string.Create(CultureInfo.InvariantCulture,
            $"- Preprocessing: resize {p.ResizeSize} ({p.Interpolation.ToString().ToLowerInvariant()}), crop {p.Resolution} (crop_pct {p.CropPct}), scale {p.Scale}, mean {string.Join(',', p.Mean)}, std {string.Join(',', p.Std)}, {p.Channels.ToString().ToLowerInvariant()}, {p.Layout.ToString().ToLowerInvariant()}"));
        Line(string.Empty);
        if (result.Precisions is { } precisions)
        {
            md.Append(Precisions.PrecisionReportWriter.Markdown(precisions));
        }

        Line("## Per class");
        Line(string.Empty);
        // Classes with no images and no predictions say nothing; a 1000-class model on a small set would drown the table.
        ClassMetrics[] shown = [.. r.PerClass.Where(c => c.Support > 0 || c.Predicted > 0)];
        int omitted = r.PerClass.Length - shown.Length;
        md.Append(MarkdownTable.Render(["Class", "Precision", "Recall", "F1", "Support"], "lrrrr",
            shown.Select(c => (IReadOnlyList<string>)[c.Class, F(c.Precision), F(c.Recall), F(c.F1), N(c.Support)])));

        if (omitted > 0)
        {
            Line(string.Empty);
            Line($"{N(omitted)} classes with no images and no predictions are omitted here (listed in {PerClassFileName}).");
        }

        Line(string.Empty);
        Line("## Most confused (true → predicted)");
        Line(string.Empty);
        if (r.MostConfused.IsEmpty)
        {
            Line("None.");
        }

        foreach (ConfusedPair m in r.MostConfused)
        {
            Line($"- {MarkdownTable.Escape(m.TrueClass)} → {MarkdownTable.Escape(m.PredictedClass)}: {N(m.Count)}");
        }

        Line(string.Empty);
        Line(r.Classes.Length > ConfusionPlot.MaxClasses
            ? $"![confusion matrix]({ConfusionPlotStem}.png) (the most confused classes, at most {N(ConfusionPlot.MaxClasses)} of {N(r.Classes.Length)}; the full matrix is in {ConfusionFileName})"
            : $"![confusion matrix]({ConfusionPlotStem}.png)");
        Line(string.Empty);
        Line("## Worst recall");
        Line(string.Empty);
        foreach (ClassMetrics c in r.WorstRecall)
        {
            Line($"- {MarkdownTable.Escape(c.Class)}: {F(c.Recall)} (support {N(c.Support)})");
        }

        Line(string.Empty);
        Line("## Warnings");
        Line(string.Empty);
        string[] warnings = [.. Warnings(result)];
        if (warnings.Length == 0)
        {
            Line("None.");
        }

        foreach (string w in warnings)
        {
            Line($"- {MarkdownTable.Escape(w)}");
        }

        if (!result.Skipped.IsEmpty)
        {
            Line(string.Empty);
            Line("## Skipped images");
            Line(string.Empty);
            foreach (SkippedImage s in result.Skipped)
            {
                Line($"- `{MarkdownTable.Escape(s.Path)}`: {MarkdownTable.Escape(s.Reason)}");
            }
        }

        return md.ToString();
    }

    public static string PerClassCsv(ClassificationReport report) =>
        Tabular.Csv(["class", "precision", "recall", "f1", "support", "predicted"],
            report.PerClass.Select(c => (IReadOnlyList<string>)[c.Class, R(c.Precision), R(c.Recall), R(c.F1), N(c.Support), N(c.Predicted)]));

    /// <summary>Rows are true classes, columns predicted classes, both in class order.</summary>
    public static string ConfusionCsv(ClassificationReport report) =>
        Tabular.Csv(["true \\ predicted", .. report.Classes],
            report.Classes.Select((c, i) => (IReadOnlyList<string>)[c, .. report.ConfusionMatrix[i].Select(N)]));

    private static string N(long value) => Number(value);

    private static string F(double value) => Number(value, "0.0000");

    private static string R(double value) => Number(value, "R");

    private static string Pct(double value) => Percent(value);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
