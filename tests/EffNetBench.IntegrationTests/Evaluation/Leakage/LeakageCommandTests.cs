using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EffNetBench.IntegrationTests.Cli;

namespace EffNetBench.IntegrationTests.Evaluation.Leakage;

/// <summary>`leakage` end to end on the folders of <see cref="LeakageFixture"/>.</summary>
public sealed class LeakageCommandTests(LeakageFixture data) : IClassFixture<LeakageFixture>
{
    private string NewOut() => data.Work.PathOf("out-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Table_summarises_counts_pairs_and_unreadable_images()
    {
        // Under a comma-decimal culture: the output stays invariant.
        (int code, string output, string error) = InCulture("de-DE", () => CliRunner.Run("leakage", data.Train, data.Test));

        Assert.True(code == 0, error + output);
        string[] lines = output.Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^train images +11 \(0 unreadable\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^test images +9 \(1 unreadable\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^leaked test images +4 \(44\.44% of the test set\)$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  exact duplicates +1$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^  near duplicates only +3$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^label conflicts +1$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^near match +pHash Hamming distance <= 10$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^too plain for a pHash +2 \(exact match only\)$"));
        Assert.Contains("warning: 4 test images also appear in the training set: accuracy measured on this test set is inflated", lines);

        string[] pairs = [.. lines.SkipWhile(l => !l.StartsWith("kind", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.Length > 0 && !l.StartsWith("unreadable", StringComparison.Ordinal))];
        Assert.Equal(4, pairs.Length);
        Assert.Matches(@"^exact +0 +cat/copy\.png +cat/photo0\.png$", pairs[0]);
        Assert.Matches(@"^near +0 +cat/photo1\.bmp +cat/photo1\.png$", pairs[1]);
        Assert.Matches(@"^near +4 +cat/resized\.jpg +cat/photo4\.png$", pairs[2]);
        Assert.Matches(@"^near +6 +dog/brighter\.png +cat/photo3\.png +label conflict: dog vs cat$", pairs[3]);
        Assert.Contains(lines, l => l.StartsWith("unreadable (test): '" + data.TestFile("cat/corrupt.jpg") + "'", StringComparison.Ordinal));

        Assert.Contains("leakage: 20/20 images hashed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_leakage_json_and_csv_with_every_pair()
    {
        string outDir = NewOut();

        (int code, string output, string error) = CliRunner.Run("leakage", data.Train, data.Test, "--out", outDir, "--threshold", "6");

        Assert.True(code == 0, error + output);
        string json = Path.Combine(outDir, "leakage.json");
        string csv = Path.Combine(outDir, "leakage.csv");
        Assert.Contains($"wrote {json}", error, StringComparison.Ordinal);
        Assert.Contains($"wrote {csv}", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = document.RootElement;
        Assert.Equal(11, root.GetProperty("train_images").GetInt32());
        Assert.Equal(9, root.GetProperty("test_images").GetInt32());
        Assert.Equal(4, root.GetProperty("leaked_test_images").GetInt32());
        Assert.Equal(4.0 / 9, root.GetProperty("leaked_fraction").GetDouble());
        Assert.Equal(6, root.GetProperty("threshold").GetInt32());
        Assert.Equal(1, root.GetProperty("label_conflicts").GetInt32());
        Assert.StartsWith("phash: ", root.GetProperty("hash").GetString(), StringComparison.Ordinal);
        Assert.Equal("sha256 of the file bytes", root.GetProperty("exact_hash").GetString());
        Assert.Equal(data.Train, root.GetProperty("train_dir").GetString());

        JsonElement exact = Assert.Single(root.GetProperty("exact_duplicates").EnumerateArray());
        Assert.Equal(data.TestFile("cat/copy.png"), exact.GetProperty("test").GetString());
        Assert.Equal([data.TrainFile("cat/photo0.png")], exact.GetProperty("train").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["cat"], exact.GetProperty("train_classes").EnumerateArray().Select(t => t.GetString()));

        JsonElement[] near = [.. root.GetProperty("near_duplicates").EnumerateArray()];
        Assert.Equal(
            [("cat/photo1.bmp", "cat/photo1.png", 0), ("cat/resized.jpg", "cat/photo4.png", 4), ("dog/brighter.png", "cat/photo3.png", 6)],
            near.Select(n => (
                Path.GetRelativePath(data.Test, n.GetProperty("test").GetString()!),
                Path.GetRelativePath(data.Train, n.GetProperty("train").GetString()!),
                n.GetProperty("distance").GetInt32())));
        Assert.Equal([false, false, true], near.Select(n => n.GetProperty("label_conflict").GetBoolean()));
        Assert.Equal("dog", near[2].GetProperty("test_class").GetString());

        JsonElement unreadable = Assert.Single(root.GetProperty("unreadable").EnumerateArray());
        Assert.Equal("test", unreadable.GetProperty("set").GetString());
        Assert.Equal(data.TestFile("cat/corrupt.jpg"), unreadable.GetProperty("path").GetString());
        Assert.Equal(2, root.GetProperty("featureless").GetArrayLength());

        Assert.Equal(
            [
                "kind,test,train,distance,test_class,train_class",
                $"exact,{data.TestFile("cat/copy.png")},{data.TrainFile("cat/photo0.png")},0,cat,cat",
                $"near,{data.TestFile("cat/photo1.bmp")},{data.TrainFile("cat/photo1.png")},0,cat,cat",
                $"near,{data.TestFile("cat/resized.jpg")},{data.TrainFile("cat/photo4.png")},4,cat,cat",
                $"near,{data.TestFile("dog/brighter.png")},{data.TrainFile("cat/photo3.png")},6,dog,cat",
            ],
            File.ReadAllText(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Json_format_prints_the_document_alone()
    {
        string outDir = NewOut();

        (int code, string output, string error) = CliRunner.Run("leakage", data.Train, data.Test, "--format", "json", "--out", outDir, "--threshold", "5");

        Assert.True(code == 0, error + output);
        Assert.Equal(File.ReadAllText(Path.Combine(outDir, "leakage.json")), output);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal(2, document.RootElement.GetProperty("near_duplicates").GetArrayLength());
    }

    [Fact]
    public void Fail_on_leak_exits_1_only_when_something_leaked()
    {
        (int code, _, string error) = CliRunner.Run("leakage", data.Train, data.Test, "--fail-on-leak");

        Assert.Equal(1, code);
        Assert.Contains("effnet-bench: 4 of 9 test images also appear in the training set (--fail-on-leak)", error, StringComparison.Ordinal);

        string clean = data.Work.PathOf("clean-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(clean);
        File.Copy(data.TestFile("other2.png"), Path.Combine(clean, "other2.png"));
        (code, string output, error) = CliRunner.Run("leakage", data.Train, clean, "--fail-on-leak");

        Assert.True(code == 0, error + output);
        Assert.Matches(@"\nleaked test images +0 \(0\.00% of the test set\) *\n", output);
        Assert.DoesNotContain("warning", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold", "21", "--threshold '21' is not valid: use a whole number from 0 to 20 (see 'effnet-bench leakage --help')")]
    [InlineData("--threshold", "-1", "--threshold '-1' is not valid: use a whole number from 0 to 20 (see 'effnet-bench leakage --help')")]
    [InlineData("--threshold", "ten", "--threshold 'ten' is not valid: use a whole number from 0 to 20 (see 'effnet-bench leakage --help')")]
    [InlineData("--format", "xml", "--format 'xml' is not a format: use table, csv or json")]
    public void Bad_options_exit_2_before_any_scan(string option, string value, string message)
    {
        string outDir = NewOut();

        (int code, string output, string error) = CliRunner.Run("leakage", data.Train, data.Test, option, value, "--out", outDir);

        Assert.Equal(2, code);
        Assert.Equal($"effnet-bench: {message}\n", error.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Missing_or_identical_folders_exit_2_and_write_nothing()
    {
        string outDir = NewOut();
        string missing = data.Work.PathOf("no-such-folder");

        (int code, string output, string error) = CliRunner.Run("leakage", missing, data.Test, "--out", outDir);

        Assert.Equal(2, code);
        Assert.Equal($"effnet-bench: TRAIN_DIR '{missing}' is not a folder: it does not exist; pass the folder holding the training images\n", error.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(outDir));

        (code, _, error) = CliRunner.Run("leakage", data.Test, data.Test, "--out", outDir);

        Assert.Equal(2, code);
        Assert.StartsWith($"effnet-bench: TRAIN_DIR '{data.Test}' contains ", error, StringComparison.Ordinal);
        Assert.Contains("of the test images", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Out_naming_a_file_exits_2()
    {
        string file = data.Work.PathOf("a-file-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "x");

        (int code, _, string error) = CliRunner.Run("leakage", data.Train, data.Test, "--out", file);

        Assert.Equal(2, code);
        Assert.Equal($"effnet-bench: --out '{file}' is a file, not a folder: give the path of a folder (see 'effnet-bench leakage --help')\n", error.ReplaceLineEndings("\n"));
        Assert.Equal("x", File.ReadAllText(file));
    }

    private static T InCulture<T>(string name, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
