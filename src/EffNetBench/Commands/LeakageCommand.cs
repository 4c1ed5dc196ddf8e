using System.CommandLine;
using System.Globalization;
using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Evaluation.Leakage;
using EffNetBench.Core.Reporting;

namespace EffNetBench.Commands;

/// <summary>`leakage TRAIN_DIR TEST_DIR`: test images that also appear in the training set, exact (SHA-256) and near
/// (perceptual hash) duplicates, and the fraction of the test set they make up.</summary>
internal static class LeakageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var train = new Argument<string>("TRAIN_DIR") { Description = "Folder of training images (searched recursively; class subfolders or flat)" };
        var test = new Argument<string>("TEST_DIR") { Description = "Folder of test images (searched recursively; class subfolders or flat)" };
        var threshold = OptionValues.Create("--threshold", OptionValues.WholeNumber(0, PerceptualHash.MaxThreshold),
            $"Largest perceptual-hash Hamming distance (of 64 bits) counted as a near duplicate, 0 to {PerceptualHash.MaxThreshold} (default {PerceptualHash.DefaultThreshold})",
            () => PerceptualHash.DefaultThreshold);
        var outDir = new Option<string?>("--out", "-o") { Description = $"Write {LeakageReportWriter.JsonFileName} and {LeakageReportWriter.CsvFileName} into this folder" }.OutputFolder();
        var format = CommonOptions.Format();
        var failOnLeak = new Option<bool>("--fail-on-leak") { Description = "Exit 1 when any test image is leaked (for CI)" };

        var command = new Command("leakage", "Find test images that also appear in the training set: exact duplicates (SHA-256) and near duplicates (perceptual hash)")
        {
            train, test, threshold, outDir, format, failOnLeak,
        };
        command.SetAction(parse =>
        {
            // Every usage check before the scan, so bad input writes nothing.
            int limit = parse.GetValue(threshold);
            OutputFormat fmt = CommonOptions.ParseFormat(parse.GetValue(format)!);
            string? dir = parse.GetValue(outDir) is string o ? Path.GetFullPath(o) : null;

            LeakageRequest request = LeakageRequest.FromFolders(parse.GetValue(train)!, parse.GetValue(test)!, limit);

            LeakageReport report = LeakageFinder.Find(request, new LeakageProgressWriter(error));
            output.Write(fmt switch
            {
                OutputFormat.Json => LeakageReportWriter.Json(report),
                OutputFormat.Csv => LeakageReportWriter.Csv(report),
                _ => LeakageReportWriter.Summary(report),
            });

            if (dir is not null)
            {
                // Stdout stays the report alone, for piping; where the files went is progress information.
                foreach (string path in LeakageReportWriter.Write(report, dir))
                {
                    error.WriteLine($"wrote {path}");
                }
            }

            if (parse.GetValue(failOnLeak) && report.LeakedTestImages > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"effnet-bench: {report.LeakedTestImages} of {report.TestImages} test images also appear in the training set (--fail-on-leak)"));
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
